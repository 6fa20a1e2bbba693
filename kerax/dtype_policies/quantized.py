"""Quantized dtype policies: a layer quantized by `model.quantize(mode)` carries the policy
"<mode>_from_<source policy>" (e.g. "int8_from_float32", "int4/-1_from_mixed_bfloat16"): it computes as the
source policy does, and its build creates the quantized weights of `mode`."""
from kerax.dtype_policies.dtype_policy import DTypePolicy, _parse_name

QUANTIZATION_MODES = ("int8", "float8", "int4", "gptq", "awq")


class QuantizedDTypePolicy(DTypePolicy):
    def __init__(self, mode, source_name=None):
        if source_name is None:
            source_name = _global_policy_name()
        self._compute_dtype, self._variable_dtype = _parse_name(source_name)
        if mode not in QUANTIZATION_MODES:
            raise ValueError(f"Invalid quantization mode. Expected one of {QUANTIZATION_MODES}. "
                             f"Received: mode={mode}")
        if self._compute_dtype == "float16" and mode == "int8":
            raise ValueError(f"Quantization mode='{mode}' doesn't work well with compute_dtype='float16'.")
        self._name = f"{mode}_from_{source_name}"
        self._source_name = source_name
        self._quantization_mode = mode

    @property
    def quantization_mode(self):
        return self._quantization_mode

    def get_config(self):
        return {"mode": self._quantization_mode, "source_name": self._source_name}

    def __eq__(self, other):
        return type(other) is type(self) and self.get_config() == other.get_config()

    def __hash__(self):
        return hash(self._name)


class QuantizedFloat8DTypePolicy(QuantizedDTypePolicy):
    """`amax_history_length`: how many steps of abs-max history set each float8 scale."""
    default_amax_history_length = 1024

    def __init__(self, mode, source_name=None, amax_history_length=1024):
        super().__init__(mode, source_name)
        if not isinstance(amax_history_length, int):
            raise TypeError("`amax_history_length` must be an integer. "
                            f"Received: amax_history_length={amax_history_length}")
        self.amax_history_length = amax_history_length

    def get_config(self):
        return {**super().get_config(), "amax_history_length": self.amax_history_length}


class Int4DTypePolicy(QuantizedDTypePolicy):
    """mode "int4/<block_size>": -1 is one scale per output channel; a positive block size is Keras's
    sub-channel form (a scale and zero point per group of `block_size` inputs)."""

    def __init__(self, mode, source_name=None):
        parts = mode.split("/")
        if len(parts) != 2 or parts[0] != "int4" or not parts[1].lstrip("-").isdigit():
            raise ValueError("Invalid mode for Int4DTypePolicy. Expected format 'int4/<block_size>' with an "
                             f"integer block size, but got '{mode}'.")
        block_size = int(parts[1])
        if block_size < -1 or block_size == 0:
            raise ValueError("Invalid block_size in mode. Supported values are -1 (per-channel) or a "
                             f"positive integer (sub-channel), but got {block_size} from '{mode}'.")
        super().__init__("int4", source_name)
        self._name = f"{mode}_from_{self._source_name}"
        self.block_size = block_size

    def get_config(self):
        return {**super().get_config(), "mode": f"int4/{self.block_size}"}


def _unsupported(name, mode):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f"{name} is not supported by kerax: {mode.upper()} quantization is not implemented (a model "
            f"quantized with '{mode}' cannot be built or loaded). Use 'int8', 'int4' or 'float8'.")
    # `placeholder`: the name exists so that imports work, but the object is no feature (tests/api counts it
    # as missing).
    return type(name, (QuantizedDTypePolicy,), {"__init__": __init__, "placeholder": True,
                                                "__doc__": f"Not implemented in kerax: {name}."})


GPTQDTypePolicy = _unsupported("GPTQDTypePolicy", "gptq")
AWQDTypePolicy = _unsupported("AWQDTypePolicy", "awq")


def quantized_policy_from_name(name):
    """The policy named "<mode>_from_<source>" ("int8_from_float32", "float8_from_mixed_bfloat16", ...)."""
    mode, separator, source = name.partition("_from_")
    if not separator:
        raise ValueError(f"Cannot convert '{name}' to a quantized DTypePolicy: expected "
                         "'<mode>_from_<source policy>', such as 'int8_from_float32'.")
    if mode == "float8":
        return QuantizedFloat8DTypePolicy(mode, source)
    if mode.startswith("int4/"):
        return Int4DTypePolicy(mode, source)
    if mode.startswith("gptq"):
        return GPTQDTypePolicy(mode, source)
    if mode.startswith("awq"):
        return AWQDTypePolicy(mode, source)
    return QuantizedDTypePolicy(mode, source)


def _global_policy_name():
    from kerax import dtype_policies  # cycle: the package's global policy is defined above this module
    return dtype_policies.dtype_policy().name
