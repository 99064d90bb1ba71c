"""The annotator workflow: draft gold from the pipeline, validate it, diff it against
predictions, trade it with annotation tools (Prodigy, Label Studio, brat), measure agreement.

Scoring, loading and HTML rendering are the evaluator's (`trialex.evaluate`), reused here.
"""

from trialex.annotate.agree import Agreement, agree
from trialex.annotate.convert import FORMATS, export_gold, import_gold, read_format
from trialex.annotate.diff import diff, print_diff, write_diff_html
from trialex.annotate.draft import draft_pages, draft_record
from trialex.annotate.files import gold_json, write_gold
from trialex.annotate.validate import errors, validate_gold

__all__ = [
    "FORMATS",
    "Agreement",
    "agree",
    "diff",
    "draft_pages",
    "draft_record",
    "errors",
    "export_gold",
    "gold_json",
    "import_gold",
    "print_diff",
    "read_format",
    "validate_gold",
    "write_diff_html",
    "write_gold",
]
