"""What Dense, EinsumDense and Embedding share when quantizing: which class may quantize, which modes kerax
builds, Keras's resolution of a mode into a config, and the policy a quantized layer takes."""
from kerax import dtype_policies, quantizers


def check_type(layer, cls, type_check):
    """Keras quantizes only the layer classes themselves: a subclass may compute something else."""
    if type_check and type(layer) is not cls:
        raise NotImplementedError(f"Layer {type(layer).__name__} does not have a `quantize()` method "
                                  "implemented.")


def resolve_config(mode, config):
    """(mode, config) as Keras resolves them: "int4" alone means Int4QuantizationConfig() (block size 128)."""
    mode = config.mode if config is not None else mode
    if mode == "int4" and config is None:
        config = quantizers.Int4QuantizationConfig()
    return mode, config


def config_block_size(config):
    """The int4 block size of a config: None for per-channel (None or -1)."""
    block_size = getattr(config, "block_size", None)
    return None if block_size in (None, -1) else block_size


def int4_block_size(policy):
    block_size = getattr(policy, "block_size", -1)
    return None if block_size == -1 else block_size


def quantized_policy(mode, config, source):
    """The policy of a layer quantized in `mode`: "int8_from_float32", "int4/128_from_float32", ..."""
    name = f"int4/{config_block_size(config) or -1}" if mode == "int4" else mode
    return dtype_policies.get(f"{name}_from_{source.name}")


def check_mode(layer, mode):
    """`mode` if this layer can be built or quantized in it; else a clear error."""
    if mode in ("gptq", "awq"):
        raise NotImplementedError(f"Layer '{layer.name}': {mode.upper()} quantization is not implemented in "
                                  "kerax. Use 'int8', 'int4' or 'float8'.")
    if mode not in (None, "int8", "int4", "float8"):
        raise ValueError(f"Invalid quantization mode. Expected one of ('int8', 'int4', 'float8', 'gptq', "
                         f"'awq'). Received: mode={mode}")
    return mode
