"""What a text says of a person's gender, so that "he" never resolves to "Mrs. Clinton".

Evidence, per surname, from the text alone: an honorific before a mention ("Mr.",
"Mrs.", "Ms."), a gendered noun right before or in apposition to it ("spokeswoman",
"chairman", "his wife, ..."), and a first name in the short lists below (common given
names in English-language news; a name in neither list gives no evidence). Conflicting
evidence gives no gender: a wrong guess would block the right antecedent.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span

from claimgraph.analyse.attribution.cues import words

MALE, FEMALE = "male", "female"

_HONORIFICS = {
    "mr.": MALE,
    "mr": MALE,
    "sir": MALE,
    "mrs.": FEMALE,
    "mrs": FEMALE,
    "ms.": FEMALE,
    "ms": FEMALE,
    "miss": FEMALE,
    "madam": FEMALE,
    "dame": FEMALE,
}
_GENDERED_NOUNS = {
    **dict.fromkeys(
        words("""spokesman chairman congressman businessman councilman husband father son
        brother widower actor king prince uncle nephew grandfather boyfriend"""),
        MALE,
    ),
    **dict.fromkeys(
        words("""spokeswoman chairwoman congresswoman businesswoman councilwoman wife mother
        daughter sister widow actress queen princess aunt niece grandmother girlfriend
        lady"""),
        FEMALE,
    ),
}
# Given names frequent in English-language news, by the gender they are almost always
# given to; ambiguous ones (Jordan, Kelly, Lee, Terry, Kim) are in neither list.
_FIRST_NAMES = {
    **dict.fromkeys(
        words("""adam alan albert alex alexander andrew anthony antonin arthur barack ben
        benjamin bernie bill billy bob bobby brad brian bruce carl charles chris
        christopher chuck colin craig dan daniel david dennis dick donald doug douglas
        ed edward elijah eric frank fred gary george gerald greg gregory harry henry
        howard ivan jack jacob james jared jason jeb jeff jeffrey jerry jim jimmy joe
        john johnny jon jonathan joseph josh juan justin keith ken kenneth kevin kofi
        larry marco mark martin matt matthew michael mike mitch mitt
        nicholas nick patrick paul peter phil philip ralph rand randy raymond richard
        rick rob robert rodrigo roger ron ronald roy rudy russell ryan sam samuel scott
        sean stephen steve steven ted thomas tim timothy todd tom tony vladimir
        walter wayne william xi"""),
        MALE,
    ),
    **dict.fromkeys(
        words("""alice alicia amanda amy andrea angela ann anna anne barbara betsy betty
        beverly brenda carly carol caroline catherine cheryl christina christine
        claire cynthia deborah debbie denise diana diane donna dorothy elaine
        eleanor elizabeth ellen emily emma evelyn frances gloria hannah heather
        helen hillary ivanka jane janet janice jennifer jessica jill joan joanne
        joyce judith judy julia julie karen katherine kathleen kathy kellyanne
        kimberly laura lauren linda lisa loretta lori lynn margaret maria marie
        marilyn martha mary megan melania melanie melissa michelle nancy nicole nikki
        olivia pamela patricia paula rachel rebecca rose ruth sandra sara sarah sharon
        shirley stephanie susan theresa tulsi veronica victoria virginia wendy"""),
        FEMALE,
    ),
}
_PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}


def pronoun_gender(word: str) -> str | None:
    return _PRONOUN_GENDER.get(word.lower())


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


class PersonGender:
    """Gender per surname from a document's person mentions."""

    def __init__(self, doc: Doc) -> None:
        votes: dict[str, set[str]] = defaultdict(set)
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not ent.text.split():
                continue
            for gender in _evidence(doc, ent):
                votes[_surname(ent.text)].add(gender)
        self._gender = {name: next(iter(g)) for name, g in votes.items() if len(g) == 1}

    def of(self, name: str) -> str | None:
        return self._gender.get(_surname(name)) or _FIRST_NAMES.get(name.split()[0].lower())

    def conflicts(self, name: str, pronoun: str) -> bool:
        """Whether ``pronoun`` cannot stand for the person ``name``."""
        wanted = pronoun_gender(pronoun)
        known = self.of(name) if name.split() else None
        return wanted is not None and known is not None and known != wanted


def _evidence(doc: Doc, ent: Span) -> list[str]:
    found = []
    first = ent.text.split()[0].lower()
    if first in _FIRST_NAMES:
        found.append(_FIRST_NAMES[first])
    if first in _HONORIFICS:
        found.append(_HONORIFICS[first])  # the recogniser kept "Mrs." in the name
    before = doc[ent.start - 1].lower_ if ent.start else ""
    if before in _HONORIFICS:
        found.append(_HONORIFICS[before])
    # "spokeswoman Jane Doe", "his wife, Mary" (not "the wife of John Smith")
    if before in _GENDERED_NOUNS:
        found.append(_GENDERED_NOUNS[before])
    elif before == "," and ent.start > 1 and doc[ent.start - 2].lower_ in _GENDERED_NOUNS:
        found.append(_GENDERED_NOUNS[doc[ent.start - 2].lower_])
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in _GENDERED_NOUNS:
            found.append(_GENDERED_NOUNS[child.lower_])
    if root.dep_ == "appos" and root.head.lower_ in _GENDERED_NOUNS:
        found.append(_GENDERED_NOUNS[root.head.lower_])
    return found
