"""model.quantize: every leaf layer that can be quantized (Dense, EinsumDense, Embedding) switches to the
quantized weights of the mode; layers that cannot are skipped with a warning (as Keras)."""
import re
import warnings

from kerax import quantizers

_MODES = ("int8", "int4", "float8", "gptq", "awq")


def quantize_model(model, mode=None, config=None, filters=None, type_check=True):
    if isinstance(config, str):
        mode, config = config, None
    if config is not None and not isinstance(config, quantizers.QuantizationConfig):
        raise ValueError("Argument `config` must be an instance of `QuantizationConfig`. "
                         f"Received: config={config} (of type {type(config)})")
    if config is not None and mode is not None and config.mode != mode:
        raise ValueError(f"Contradictory arguments: mode='{mode}' but config.mode='{config.mode}'")
    mode = config.mode if config is not None else mode
    if mode not in _MODES:
        raise ValueError(f"Invalid quantization mode. Expected one of {_MODES}. Received: mode={mode}")
    if mode in ("gptq", "awq"):
        raise NotImplementedError(
            f"model.quantize({mode!r}) is not implemented in kerax: {mode.upper()} needs calibration data "
            "and Keras's layer-by-layer solver, which kerax does not have. Use 'int8', 'int4' or 'float8'.")
    if filters is not None and not isinstance(filters, (str, list, tuple)) and not callable(filters):
        raise ValueError("The `filters` argument must be a regex string, a list of regex strings, or a "
                         f"callable. Received: {type(filters)}")
    if not model.built:
        raise ValueError(f"Model '{model.name}' must be built before `quantize()`: call it on data or build "
                         "it with an input shape first.")
    for layer in model._flatten_layers():
        if len(layer._flatten_layers()) != 1 or not _selected(layer, filters):
            continue
        if not hasattr(layer, "quantize"):
            if layer.weights:  # as Keras: a layer with weights it cannot quantize is named
                warnings.warn(f"Layer {type(layer).__name__} does not have a `quantize` method implemented.",
                              stacklevel=3)
            continue
        try:
            layer.quantize(mode, type_check=type_check, config=config)
        except NotImplementedError as error:
            warnings.warn(str(error), stacklevel=3)
    # Compiled steps hold the old variables: the next fit / evaluate / predict compiles anew.
    model._runners = {}
    model._compiled_trainable = None


def _selected(layer, filters):
    if filters is None:
        return True
    if isinstance(filters, str):
        return bool(re.search(filters, layer.name))
    if isinstance(filters, (list, tuple)):
        return any(re.search(pattern, layer.name) for pattern in filters)
    return bool(filters(layer))
