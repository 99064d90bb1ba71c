"""Layout detection: page text → layout name, sections, criteria, own trial and related trials."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from trialex.layout.criteria import CriteriaGrammar, split_criteria
from trialex.layout.lines import split_lines
from trialex.layout.profile import (
    GENERIC,
    LayoutProfile,
    detect_profile,
    load_lexicon,
    load_profile_file,
    load_profiles,
)
from trialex.layout.sections import HeadingFinder, build_sections, find_headings
from trialex.layout.trials import own_nct_id, own_title, related_trials
from trialex.record import CriterionSpan, RelatedTrial, Section


class PageLayout(BaseModel):
    """What layout analysis knows about one page (all offsets are page offsets)."""

    model_config = ConfigDict(extra="forbid")

    layout: str
    nct_id: str | None = None
    title: str | None = None
    sections: list[Section] = Field(default_factory=list)
    criteria: list[CriterionSpan] = Field(default_factory=list)
    related_trials: list[RelatedTrial] = Field(default_factory=list)
    # char ranges (start, end) of site furniture: boilerplate lines (logos, menus, 'Layout
    # table for …') and one-sentence site help lines under headings; extractors skip them
    furniture: list[tuple[int, int]] = Field(default_factory=list)


def analyze(text: str, profile: LayoutProfile | None = None) -> PageLayout:
    """Detect the page's layout (or use `profile`) and split it into sections and criteria."""
    lexicon = load_lexicon()
    profile = profile or detect_profile(text)
    lines = split_lines(text)
    finder = HeadingFinder(lexicon, profile)
    headings, help_lines = find_headings(lines, finder, generic=profile is GENERIC)
    sections = build_sections(lines, headings, profile.preamble)
    eligibility = [s for s in sections if s.name == "eligibility"]
    if not eligibility:
        eligibility = [s for s in sections if s.name != "related_trials"]
    criteria = split_criteria(
        text, lines, eligibility, CriteriaGrammar.from_lexicon(lexicon), help_lines
    )
    nct_id = own_nct_id(text, sections, profile)
    return PageLayout(
        layout=profile.name,
        nct_id=nct_id,
        title=own_title(lines, sections, profile, help_lines),
        sections=sections,
        criteria=criteria,
        related_trials=related_trials(text, lines, sections, nct_id, help_lines),
        furniture=[(lines[i].start, lines[i].end) for i in sorted(help_lines)],
    )


__all__ = ["GENERIC", "LayoutProfile", "PageLayout", "analyze", "detect_profile",
           "load_profile_file", "load_profiles"]
