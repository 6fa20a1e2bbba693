"""Argument checks shared by the lookup layers (StringLookup, IntegerLookup, TextVectorization), with Keras's
messages."""

OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def check_choice(layer_name, argument, value, allowed):
    if value not in allowed:
        raise ValueError(f"Unknown value for `{argument}` argument of layer {layer_name}. If restoring a "
                         f"model, try passing `custom_objects`. Received: {argument}={value!r}. Allowed "
                         f"values are: {list(allowed)}")


def check_sparse(sparse):
    if sparse:
        raise ValueError("`sparse=True` can only be used with the TensorFlow backend.")


def check_lookup_options(layer_name, max_tokens, num_oov_indices, pad_to_max_tokens, output_mode, invert,
                         sparse,
                         idf_weights, oov_method, salt, vocabulary_dtype):
    check_sparse(sparse)
    if max_tokens is not None and max_tokens <= 1:
        raise ValueError(f"If set, `max_tokens` must be greater than 1. Received: max_tokens={max_tokens}")
    if pad_to_max_tokens and max_tokens is None:
        raise ValueError(f"If pad_to_max_tokens is True, must set `max_tokens`. Received: "
                         f"max_tokens={max_tokens}")
    if num_oov_indices < 0:
        raise ValueError(f"`num_oov_indices` must be greater than or equal to 0. Received: "
                         f"num_oov_indices={num_oov_indices}")
    check_choice(layer_name, "oov_method", oov_method, ("floormod", "farmhash"))
    if salt is not None and vocabulary_dtype != "string" and oov_method != "farmhash":
        raise ValueError(f"`salt` can only be used when `oov_method='farmhash'`. Received: "
                         f"oov_method={oov_method}")
    check_choice(layer_name, "output_mode", output_mode, OUTPUT_MODES)
    if invert and output_mode != "int":
        raise ValueError(f"`output_mode` must be `'int'` when `invert` is true. Received: "
                         f"output_mode={output_mode}")
    if idf_weights is not None and output_mode != "tf_idf":
        raise ValueError(f"`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
                         f"idf_weights={idf_weights} and output_mode={output_mode}")


def salt_pair(salt):
    """Keras's salt: None, or two integers (one integer is used twice)."""
    if salt is None:
        return None
    if isinstance(salt, (tuple, list)) and len(salt) == 2:
        return [int(s) for s in salt]
    if isinstance(salt, int):
        return [salt, salt]
    raise ValueError(f"The `salt` argument can only be a tuple of 2 integers, or a single integer. Received: "
                     f"salt={salt}.")
