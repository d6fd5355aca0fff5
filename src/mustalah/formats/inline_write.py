"""Write plain text + :class:`InlineCode` values back as inline markup.

The reverse of :mod:`.inline`.  Each output format gives a *mapping* from a code to
one of three instructions: open a wrapper element (its content is text), close the
innermost wrapper, or emit a leaf element holding the native code.  Codes are
placed at their offsets in document order; a close that does not match the open
wrapper is dropped rather than producing broken XML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from ..model import InlineCode


@dataclass(frozen=True, slots=True)
class Open:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Close:
    tag: str


@dataclass(frozen=True, slots=True)
class Leaf:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""


Instruction = Open | Close | Leaf | None
Mapping = Callable[[InlineCode], Instruction]


def fill(parent: etree._Element, text: str, codes: Sequence[InlineCode], mapping: Mapping) -> None:
    """Append ``text`` with ``codes`` placed at their offsets into ``parent``."""
    stack: list[etree._Element] = [parent]
    last: list[etree._Element | None] = [None]  # last child written at each stack level
    position = 0

    def put(chunk: str) -> None:
        if not chunk:
            return
        node = last[-1]
        if node is None:
            stack[-1].text = (stack[-1].text or "") + chunk
        else:
            node.tail = (node.tail or "") + chunk

    for code in sorted(codes, key=lambda c: c.offset):  # sorted() is stable: document order kept
        offset = min(max(code.offset, position), len(text))
        put(text[position:offset])
        position = offset
        instruction = mapping(code)
        if isinstance(instruction, Open):
            element = etree.SubElement(stack[-1], instruction.tag, instruction.attrs)
            last[-1] = element
            stack.append(element)
            last.append(None)
        elif isinstance(instruction, Close):
            if len(stack) > 1 and etree.QName(stack[-1]).localname == etree.QName(instruction.tag).localname:
                stack.pop()
                last.pop()
        elif isinstance(instruction, Leaf):
            element = etree.SubElement(stack[-1], instruction.tag, instruction.attrs)
            element.text = instruction.text or None
            last[-1] = element
    put(text[position:])
