"""Condition-specific rules: modifier words, surface canonicals and coordination splitting.

- Leading severity/extent words are left out of the span; type words are kept in the span and
  the canonical ("active tuberculosis" -> "tuberculosis"; "acute sever hepatitis" -> "acute
  hepatitis").
- A condition's canonical is its own words, lower-case and singular, unless it is written as an
  abbreviation, which takes the vocabulary's (or the page's) long form.
- Coordinations are split: "liver and kidney disease" adds "liver" -> "liver disease";
  "hepatitis B/C" adds "C" -> "hepatitis c".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from trialex.pipeline.entities_lexicon import Lexicon, Match
from trialex.vocab.normalize import needs_upper, norm_key
from trialex.vocab.schema import Modifiers

_IRREGULAR = {"diseases": "disease", "viruses": "virus", "metastases": "metastasis"}
# names that end in -s and are singular ("diabetes" is not the plural of "diabete")
_INVARIANT = {
    "diabetes", "herpes", "rabies", "scabies", "measles", "mumps", "rickets", "shingles",
    "caries", "ascites", "feces", "faeces", "hives", "aids", "tabes", "series", "species",
}


@dataclass(slots=True)
class Candidate:
    """An entity before overlap resolution, on tokens [start, end)."""

    start: int
    end: int
    label: str
    canonical: str
    attributes: dict[str, str] = field(default_factory=dict)
    ambiguous: bool = False  # needs the page to name the same concept in full
    abbreviation: bool = False  # a vocabulary abbreviation (a page definition overrides it)
    concept: str = ""  # the vocabulary's canonical name, to compare mentions of one concept
    id: str = ""  # source id (MeSH, DrugBank, CL), written to span.kb_id_


def singular_word(word: str, known: set[str]) -> str:
    """Singular of a plural head, only when the singular is a word the vocabularies know."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIANT:
        return word
    for suffix, repl in (("ies", "y"), ("s", ""), ("es", "")):
        if word.endswith(suffix) and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            cand = word[: -len(suffix)] + repl
            if cand in known:
                return cand
    return word


def surface_canonical(words: list[str], lex: Lexicon) -> str:
    """Lower-case words, the last one singular."""
    if words:
        words = [*words[:-1], singular_word(words[-1], lex.words)]
    return " ".join(words).strip(" -–/.,;:")


def is_abbreviation(text: str, key: str) -> bool:
    """Written like an acronym: no lower-case run ("HIV", "COPD") or an acronym-shaped key."""
    letters = [c for c in text if c.isalpha()]
    return needs_upper(key) or (
        bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and len(text) <= 5
    )


class ConditionRules:
    """Modifier handling and coordination for CONDITION matches."""

    def __init__(self, mods: Modifiers, lex: Lexicon) -> None:
        self.severity = {norm_key(w) for w in mods.severity}
        self.type = {norm_key(w) for w in mods.type}
        self.coord = {norm_key(w) or w for w in mods.coordinators} | {"/", ","}
        self.heads = {norm_key(w) for w in mods.generic_heads + mods.organ_heads}
        self.organs = {norm_key(w) for w in mods.organs}
        self.not_conditions = {norm_key(w) for w in mods.not_conditions}
        self.fillers = {"the", "other", "important", "vital", "major", "multiple", "one", "more"}
        self.lex = lex
        desc = mods.descriptive
        self.desc_suffixes = tuple(desc.suffixes)
        self.desc_words = {norm_key(w) for w in desc.words}
        self.desc_prefixes = set(desc.prefixes)
        self.desc_exclude = set(desc.exclude) | self.severity
        self.cause_links = set(desc.cause_links)

    def _descriptive(self, text: str) -> bool:
        """A word that defines a type of the condition after it ("ischemic", "post-stroke")."""
        low = text.lower()
        if norm_key(low) in self.desc_words:
            return True
        if low in self.desc_exclude or len(low) < 5:
            return False
        if "-" in low:
            parts = low.split("-")
            return (
                len(parts) == 2
                and all(p.isalpha() for p in parts)
                and parts[0] in self.desc_prefixes
                and len(parts[1]) > 2
                and not parts[1].endswith(("ed", "able", "ible", "ing", "ent"))
            )
        return text.isalpha() and low.endswith(self.desc_suffixes) and low in self.lex.words

    def _left_edge(self, doc: Doc, start: int, lo: int) -> int:
        """Extend a name to the left over organ and type words ("cardiac sarcoidosis",
        "ischemic cardiomyopathy", "exercise-induced asthma"), at most three words."""
        upper = doc[start].text.isupper()
        for _ in range(3):
            k = start - 1
            if k < lo:
                break
            t = doc[k]
            if (
                k - 2 >= lo
                and t.lower_ in self.cause_links
                and doc[k - 1].text == "-"
                and not doc[k - 1].whitespace_
                and not doc[k - 2].whitespace_
                and doc[k - 2].text[:1].isalnum()
            ):
                cause = self.lex.get(norm_key(doc[k - 2].text))
                if cause is not None and cause.label == "DRUG":
                    break  # "heparin-induced thrombocytopenia": the drug stays a DRUG span
                start = k - 2
                continue
            if t.is_space or t.whitespace_ == "":
                break
            if norm_key(t.text) in self.organs and t.is_alpha:
                start = k
                continue
            # a lower-case word before a capitalised name belongs to another phrase
            # ("... consent/refusal Allergy to ..."); capitals only before capitals
            case_ok = t.text.isupper() == upper and not (
                t.text.islower() and doc[start].text[:1].isupper()
            )
            if case_ok and self._descriptive(t.text):
                start = k
                continue
            break
        return start

    def candidate(self, doc: Doc, m: Match, lo: int) -> Candidate | None:
        """The condition candidate for a lexicon match, modifiers applied."""
        if m.key in self.not_conditions:
            return None
        # anatomical and type words before the name belong to it ("cardiac sarcoidosis")
        start = first = self._left_edge(doc, m.start, lo)
        if first == m.start == m.end - 1 and first > lo and doc[first - 1].lower_ == "non":
            return None  # "non diabetic": the person has no such disease
        k, chain = start - 1, []
        while k >= lo and (w := norm_key(doc[k].text)) in (self.severity | self.type):
            chain.insert(0, (k, w))
            k -= 1
        for pos, w in chain:
            if w in self.type:
                start = pos
                break
        types = [w for pos, w in chain if pos >= start and w in self.type]
        text = doc[first : m.end].text
        abbreviation = is_abbreviation(doc[m.start : m.end].text, m.key) and first == m.start
        # a short form of the name ("their lupus" for systemic lupus erythematosus) takes the name
        name = norm_key(m.entry.canonical).split()
        extra = set(name) - set(m.key.split())
        short = (
            set(m.key.split()) < set(name)
            and not {"and", "or"} & set(name)
            and m.key not in self.heads
            and bool(extra - self.heads)  # "migraine" stays migraine, not "migraine disorder"
            and first == m.start
        )
        if short and m.end < len(doc) and norm_key(doc[m.end].text) in name:
            return None  # a name cut by a token boundary ("SLE(Systemic lupus erythematosus")
        # an inverted heading ("Lupus Erythematosus, Systemic") takes the natural-order name
        abbreviation = abbreviation or short or "," in m.key
        words: list[str] = []
        if abbreviation:
            base = m.entry.canonical
            canonical = " ".join([*[t for t in types if t not in base], base])
        else:
            words = text.lower().replace("’", "'").split()
            # a severity word inside a vocabulary name stays when the name keeps it
            # ("major depressive disorder"); otherwise it goes ("severe sepsis" -> sepsis)
            named = set(m.entry.canonical.lower().split())
            words = [w for w in words if w not in self.severity or w in named]
            canonical = surface_canonical(types + words, self.lex)
        end = self._site_end(doc, m.end)
        if end == m.end and len(words) == 1:
            end, canonical = self._head_to_organ(doc, m.end, canonical)
        # an ambiguous abbreviation written in capitals, 3+ characters ("COPD", "SLE") is
        # taken as it is; shorter ones ("RA", "MS") want the page to name the concept in full
        upper = len(text) >= 3 and text.isupper()
        return Candidate(
            start,
            end,
            "CONDITION",
            canonical,
            ambiguous=m.entry.ambiguous and not upper,
            abbreviation=m.entry.ambiguous,
            concept=m.entry.canonical,
            id=m.entry.id,
        )

    def _head_to_organ(self, doc: Doc, end: int, head: str) -> tuple[int, str]:
        """ "injury to other important organs" -> organ injury; "damage to the liver"."""
        if head not in self.heads or end >= len(doc) or doc[end].lower_ not in {"to", "of"}:
            return end, head
        k = end + 1
        while k < len(doc) and (
            doc[k].lower_ in self.fillers or norm_key(doc[k].text) in self.severity
        ):
            k += 1
        if k < len(doc) and doc[k].is_alpha:
            organ = singular_word(doc[k].lower_, self.lex.words)
            if organ in self.organs:
                return k + 1, f"{organ} {head}"
        return end, head

    def _site_end(self, doc: Doc, end: int) -> int:
        """ "basal cell carcinoma of the skin": the body site is part of the span, not the name."""
        k = end
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if k < len(doc) and norm_key(doc[k].text) in self.organs and doc[k].is_alpha:
                return k + 1
        return end

    def coordinated(self, doc: Doc, cand: Candidate, lo: int, hi: int) -> list[Candidate]:
        """Extra conditions split off a coordination around `cand`."""
        out: list[Candidate] = []
        words = doc[cand.start : cand.end].text.lower().split()
        head = words[-1] if words else ""
        # left: "liver and kidney disease", "bacterial, viral or other infections"
        if head in self.heads or singular_word(head, self.lex.words) in self.heads:
            k = cand.start - 1
            while k - 1 >= lo:
                t = doc[k].text.lower()
                if norm_key(t) in self.severity:  # "... or other infections"
                    k -= 1
                    continue
                if t not in self.coord:
                    break
                left = doc[k - 1]
                w = norm_key(left.text)
                key = f"{w} {norm_key(head)}"
                if not left.is_alpha or not (
                    w in self.organs or w in self.type or self.lex.get(key)
                ):
                    break
                # "acute or chronic kidney disease": a type word in the slot of the mention's own
                # type word takes the rest of the mention ("acute kidney disease", not "acute disease")
                rest = [head]
                if w in self.type and len(words) > 2 and norm_key(words[0]) in self.type:
                    rest = words[1:]
                out.append(
                    Candidate(
                        left.i, left.i + 1, "CONDITION", surface_canonical([w, *rest], self.lex)
                    )
                )
                k -= 2
        # right: "hepatitis B/C", "hepatitis B and C"
        k = cand.end
        while len(words) > 1 and k + 1 < hi and doc[k].text.lower() in self.coord:
            nxt = doc[k + 1]
            if not nxt.text.isalnum() or len(nxt.text) > 3:
                break
            entry = self.lex.get(norm_key(" ".join([*words[:-1], nxt.text])))
            if entry is None or entry.label != "CONDITION":
                break
            out.append(
                Candidate(nxt.i, nxt.i + 1, "CONDITION", " ".join([*words[:-1], nxt.text.lower()]))
            )
            k += 2
        return out


__all__ = ["Candidate", "ConditionRules", "is_abbreviation", "singular_word", "surface_canonical"]
