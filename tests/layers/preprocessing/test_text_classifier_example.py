"""examples/text_classifier.py: a string-input model trains from a Python list of strings, saves, reloads and
predicts the same on raw strings."""
import importlib.util
from pathlib import Path

import numpy as np

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "text_classifier.py"


def test_text_classifier_example_learns_and_round_trips(tmp_path):
    spec = importlib.util.spec_from_file_location("text_classifier_example", EXAMPLE)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    accuracy, before, after = example.main(str(tmp_path / "clf.keras"), epochs=4, verbose=0)
    assert accuracy > 0.9
    assert before[0, 0] > 0.5 > before[1, 0]
    np.testing.assert_allclose(after, before, rtol=1e-6)
