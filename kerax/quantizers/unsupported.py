"""Keras's GPTQ and AWQ calibration-based quantization: not implemented in kerax."""


def _unsupported(name, mode):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f"{name} is not supported by kerax: {mode.upper()} (calibrated post-training quantization) is "
            "not implemented. Use model.quantize('int8'), 'int4' or 'float8' instead.")
    return type(name, (), {"__init__": __init__, "__doc__": f"Not implemented in kerax: {name}."})


GPTQConfig = _unsupported("GPTQConfig", "gptq")
AWQConfig = _unsupported("AWQConfig", "awq")
