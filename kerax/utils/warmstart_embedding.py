"""warmstart_embedding_matrix (tf.keras): an embedding matrix for a new vocabulary that keeps the rows of the
terms an old vocabulary already had."""
import os

import numpy as np

from kerax import backend, initializers, ops


def warmstart_embedding_matrix(base_vocabulary, new_vocabulary, base_embeddings,
                               new_embeddings_initializer="uniform"):
    """Rows of `base_embeddings` (one per term of `base_vocabulary`) moved to the positions of the same terms
    in `new_vocabulary`; rows of new terms come from `new_embeddings_initializer`. A vocabulary is a list,
    tuple or 1-D array of terms, or the path of a text file with one term per line."""
    base_vocabulary = _vocabulary_list(base_vocabulary)
    new_vocabulary = _vocabulary_list(new_vocabulary)
    base_embeddings = backend.convert_to_tensor(base_embeddings)
    initializer = initializers.get(new_embeddings_initializer)
    matrix = initializer(shape=(len(new_vocabulary), base_embeddings.shape[1]), dtype=base_embeddings.dtype)
    base_index = {term: i for i, term in enumerate(base_vocabulary)}  # a repeated term: its last row
    pairs = [(i, base_index[term]) for i, term in enumerate(new_vocabulary) if term in base_index]
    if not pairs:
        return matrix
    new_rows, base_rows = (np.array(p, dtype="int32") for p in zip(*pairs))
    return ops.scatter_update(matrix, new_rows[:, None], ops.take(base_embeddings, base_rows, axis=0))


def _vocabulary_list(vocabulary):
    if isinstance(vocabulary, (str, os.PathLike)):
        if not os.path.exists(vocabulary):
            raise ValueError(f"Vocabulary file {vocabulary} does not exist.")
        with open(vocabulary, encoding="utf-8") as f:
            return [line.rstrip("\n") for line in f]
    if isinstance(vocabulary, (list, tuple, np.ndarray)) or backend.is_tensor(vocabulary):
        return [_term(t) for t in np.asarray(vocabulary).tolist()]
    raise ValueError(f"Vocabulary is expected to be a list, tuple, array or file path. Received: "
                     f"{type(vocabulary).__name__}")


def _term(term):
    return term.decode("utf-8") if isinstance(term, bytes) else term
