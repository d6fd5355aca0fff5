"""Official schemas from ../shared/standards, compiled offline (xml.xsd resolved locally, never fetched)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from tests.conftest import shared_path

XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"


class _LocalXmlXsd(etree.Resolver):
    def __init__(self, local: Path) -> None:
        super().__init__()
        self.local = local

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url == XML_XSD_URL:
            return self.resolve_filename(str(self.local), context)
        if url and "://" in url:
            raise AssertionError(f"schema tried to fetch {url} over the network")
        return None


def _parser(xml_xsd: Path) -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalXmlXsd(xml_xsd))
    return parser


def tmx_dtd() -> etree.DTD:
    return _tmx_dtd(shared_path("standards", "tmx", "tmx14.dtd"))


@cache
def _tmx_dtd(path: Path) -> etree.DTD:
    return etree.DTD(str(path))


def xliff12(kind: str) -> etree.XMLSchema:
    return _xliff12(shared_path("standards", "xliff12", f"xliff-core-1.2-{kind}.xsd"))


@cache
def _xliff12(path: Path) -> etree.XMLSchema:
    parser = _parser(path.parent / "xml.xsd")
    return etree.XMLSchema(etree.parse(str(path), parser))


def xliff21() -> etree.XMLSchema:
    return _xliff21(shared_path("standards", "xliff2", "2.1"))


@cache
def _xliff21(base: Path) -> etree.XMLSchema:
    modules = {
        "urn:oasis:names:tc:xliff:document:2.0": "xliff_core_2.0.xsd",
        "urn:oasis:names:tc:xliff:glossary:2.0": "glossary.xsd",
    }
    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        + "".join(f'<xs:import namespace="{ns}" schemaLocation="{loc}"/>' for ns, loc in modules.items())
        + "</xs:schema>"
    )
    parser = _parser(base / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd")
    return etree.XMLSchema(etree.fromstring(wrapper, parser, base_url=str(base / "wrapper.xsd")))


def assert_valid(schema: etree.DTD | etree.XMLSchema, path: Path) -> None:
    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
    assert schema.validate(doc), f"{path} is invalid:\n{schema.error_log}"
