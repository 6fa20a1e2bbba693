"""warmstart_embedding_matrix: rows of known terms move to their new positions."""
import numpy as np
import pytest

import kerax


def test_warmstart_embedding_matrix_remaps_rows(tmp_path):
    base = np.random.default_rng(0).random((4, 3)).astype("float32")
    fresh = np.random.default_rng(1).random((7, 3)).astype("float32")
    vocab_file = tmp_path / "vocab.txt"
    vocab_file.write_text("unk\na\nb\nc\n")
    out = kerax.utils.warmstart_embedding_matrix(
        str(vocab_file), np.array(["unk", "unk", "a", "b", "c", "d", "e"]), base,
        new_embeddings_initializer=kerax.initializers.Constant(fresh))
    expected = np.concatenate([base[[0, 0, 1, 2, 3]], fresh[5:]])
    np.testing.assert_array_equal(np.asarray(out), expected)
    with pytest.raises(ValueError, match="Vocabulary file nowhere.txt does not exist"):
        kerax.utils.warmstart_embedding_matrix("nowhere.txt", ["a"], base)
