"""Argument checks of TextVectorization, with Keras's messages."""
from kerax.layers.preprocessing.text_processing import SPLITTERS, STANDARDIZERS


def check_options(standardize, split, ngrams, output_mode, output_sequence_length):
    if not (standardize is None or callable(standardize) or standardize in STANDARDIZERS):
        raise ValueError(f"Unknown value for `standardize` argument of layer TextVectorization. Received: "
                         f"standardize={standardize!r}. Allowed values are: {list(STANDARDIZERS)}, None or a "
                         "callable.")
    if not (split is None or callable(split) or split in SPLITTERS):
        raise ValueError(f"Unknown value for `split` argument of layer TextVectorization. Received: "
                         f"split={split!r}. Allowed values are: {list(SPLITTERS)}, None or a callable.")
    if not (ngrams is None or isinstance(ngrams, int) or
            isinstance(ngrams, tuple) and all(isinstance(item, int) for item in ngrams)):
        raise ValueError(f"`ngrams` must be None, an integer, or a tuple of integers. Received: "
                         f"ngrams={ngrams}")
    if output_mode == "int" and not (output_sequence_length is None or isinstance(output_sequence_length,
                                                                                  int)):
        raise ValueError("`output_sequence_length` must be either None or an integer when `output_mode` is "
                         f"'int'. Received: output_sequence_length={output_sequence_length}")
    if output_mode != "int" and output_sequence_length is not None:
        raise ValueError("`output_sequence_length` must not be set if `output_mode` is not 'int'. Received "
                         f"output_sequence_length={output_sequence_length}.")
