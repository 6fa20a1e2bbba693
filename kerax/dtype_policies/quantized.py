"""Keras 3's quantized dtype policies and DTypePolicyMap: named here so code importing them fails with a
clear message rather than an AttributeError. Quantized layers (int8, float8, int4, GPTQ, AWQ) are not
implemented."""


def _not_implemented(name):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f"{name} is not supported by kerax yet: quantized layers (int8, float8, int4, GPTQ, AWQ) and "
            "per-layer policy maps are not implemented. Use a float policy such as 'float32', 'mixed_float16' or "
            "'mixed_bfloat16' (kerax.mixed_precision.set_global_policy)."
        )
    return type(name, (), {"__init__": __init__, "__doc__": f"Not implemented in kerax: {name}."})


QuantizedDTypePolicy = _not_implemented("QuantizedDTypePolicy")
QuantizedFloat8DTypePolicy = _not_implemented("QuantizedFloat8DTypePolicy")
Int4DTypePolicy = _not_implemented("Int4DTypePolicy")
GPTQDTypePolicy = _not_implemented("GPTQDTypePolicy")
AWQDTypePolicy = _not_implemented("AWQDTypePolicy")
DTypePolicyMap = _not_implemented("DTypePolicyMap")
