import trialex.evaluate as evaluate


def test_public_api():
    expected = {"score", "MatchOptions", "Report", "load_gold_dir", "load_pred_jsonl",
                "write_reports", "check_fail_under"}
    assert expected <= set(evaluate.__all__)
    assert all(hasattr(evaluate, name) for name in evaluate.__all__)
