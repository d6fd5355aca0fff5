"""The rule registry: every rule, once.  Codes are never reused."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import UsageError
from .acronyms import AcronymMismatch, AcronymMissing, AcronymUnknown
from .agreement import VerbHonorificGender
from .base import Rule
from .brackets import MixedQuoteStyles, UnbalancedBrackets
from .consistency import ConceptRenderedTwoWays, InconsistentSource, InconsistentTranslation
from .counted_noun import CountedNounSingular
from .doubled import DoubledWord
from .entities import NoSuchEntity, TermWrongEntity
from .final_letter import FinalLetterSlip
from .gender import HonorificSourceGender, HonorificTitleGender
from .hamza import HamzaSlip
from .invisible import BidiEmbedding, BidiOverride, StrayNoBreakSpace, Tatweel, ZeroWidthInWord
from .letter_slip import LetterSlip
from .marks import StrayVowelMark
from .markup import InlineCodeMismatch, PlaceholderMismatch
from .meta import UnusedSuppression
from .month_style import MonthPairSpacing, MonthWithoutPair
from .months import MonthMismatch, MonthPairWrong
from .number_gender import NumberGender
from .numbers import NumberMismatch
from .persons import PersonGenderAcrossUnits
from .pofilter import PofilterCheck
from .punctuation import (
    LatinPunctuationInArabic,
    PunctuationBeforeParenthetical,
    SpaceBeforePunctuation,
)
from .run_together import WordsRunTogether
from .spacing import NumberGluedToWord
from .spelling import ConfusedWord, Misspelling
from .spelling_slots import RareWordBeforeName
from .states import StateShortName
from .style import (
    DocumentSymbolChanged,
    IseSpelling,
    MixedDigitSystems,
    NonWesternDigits,
    StackedHonorifics,
)
from .term_forms import ConstructArticle, TermNearMiss, TermSpellingVariant
from .term_missing import TermMissing
from .terms import TermAdmitted, TermDeprecated, TermVariant
from .title_agreement import TitleAgreement
from .title_person import TitlePersonGender
from .untranslated import EmptyTarget, LatinInArabic, TargetSameAsSource

ALL_RULES: tuple[type[Rule], ...] = (
    TermMissing,
    TermDeprecated,
    TermVariant,
    TermSpellingVariant,
    ConstructArticle,
    TermNearMiss,
    TermWrongEntity,
    NoSuchEntity,
    TermAdmitted,
    AcronymMismatch,
    AcronymMissing,
    AcronymUnknown,
    HonorificTitleGender,
    HonorificSourceGender,
    PersonGenderAcrossUnits,
    VerbHonorificGender,
    TitlePersonGender,
    TitleAgreement,
    NumberGender,
    UnusedSuppression,
    NumberMismatch,
    MonthMismatch,
    MonthPairWrong,
    CountedNounSingular,
    LatinPunctuationInArabic,
    SpaceBeforePunctuation,
    PunctuationBeforeParenthetical,
    UnbalancedBrackets,
    MixedQuoteStyles,
    BidiOverride,
    BidiEmbedding,
    ZeroWidthInWord,
    Tatweel,
    StrayNoBreakSpace,
    ConfusedWord,
    Misspelling,
    RareWordBeforeName,
    StrayVowelMark,
    HamzaSlip,
    FinalLetterSlip,
    LetterSlip,
    WordsRunTogether,
    InconsistentTranslation,
    InconsistentSource,
    ConceptRenderedTwoWays,
    EmptyTarget,
    TargetSameAsSource,
    LatinInArabic,
    InlineCodeMismatch,
    PlaceholderMismatch,
    StackedHonorifics,
    MonthWithoutPair,
    NonWesternDigits,
    MixedDigitSystems,
    IseSpelling,
    DocumentSymbolChanged,
    PofilterCheck,
    StateShortName,
    MonthPairSpacing,
    NumberGluedToWord,
    DoubledWord,
)


def rules_by_code() -> dict[str, type[Rule]]:
    out: dict[str, type[Rule]] = {}
    for rule in ALL_RULES:
        out[rule.code] = rule
        out[rule.name] = rule
        for alias in rule.aliases:
            out[alias] = rule
    return out


def select_rules(
    select: list[str] | None, ignore: list[str] | None, extra: Sequence[type[Rule]] = ()
) -> list[type[Rule]]:
    """Rules enabled by ``select``/``ignore`` (codes, code prefixes like ``TM``, names or categories),
    from the built-in rules and ``extra`` (the project's own checks, ``checks.project``)."""
    pool = (*ALL_RULES, *extra)

    def hit(rule: type[Rule], patterns: list[str]) -> bool:
        for p in patterns:
            if p in ("ALL", rule.code, rule.name, rule.category) or p in rule.aliases:
                return True
            if p.isalnum() and p.isupper() and rule.code.startswith(p):
                return True
        return False

    for pattern in [*(select or []), *(ignore or [])]:
        if not any(hit(r, [pattern]) for r in pool):
            raise UsageError(
                f"no rule matches {pattern!r}",
                hint="use a code (TM002), a code prefix (TM), a rule name (term-deprecated) or a "
                "category (gender); 'mustalah rules' lists them",
            )
    chosen = [r for r in pool if not select or hit(r, select)]
    return [r for r in chosen if not ignore or not hit(r, ignore)]
