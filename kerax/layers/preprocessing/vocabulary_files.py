"""Vocabulary files: one token per line, UTF-8. A saved model keeps an adapted vocabulary as the asset
`vocabulary.txt` (as Keras does); a vocabulary file named by a model config is read only outside safe mode."""
import os

from kerax.serialization.safe_mode import loading_in_safe_mode

ASSET_NAME = "vocabulary.txt"


def read_vocabulary_file(path, dtype, in_assets=False):
    if in_assets:
        path = os.path.join(path, ASSET_NAME)
    elif loading_in_safe_mode():
        raise ValueError(
            "Requested the loading of a vocabulary file outside of the model archive. This carries a "
            "potential risk of loading arbitrary and sensitive files and thus it is disallowed by default. "
            "If you trust the source of the artifact, you can override this error by passing "
            f"`safe_mode=False` to the loading function. Vocabulary file: '{path}'")
    if not os.path.isfile(path):
        raise ValueError(f"Vocabulary file {path} does not exist.")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    while lines and lines[-1] == "":
        lines.pop()
    return lines if dtype == "string" else [int(line) for line in lines]


def write_vocabulary_file(dir_path, vocabulary):
    with open(os.path.join(dir_path, ASSET_NAME), "w", encoding="utf-8") as f:
        f.write("\n".join(str(token) for token in vocabulary))
