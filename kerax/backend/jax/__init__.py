"""The JAX engine: the only package in kerax that imports jax. It provides exactly the names of
kerax/backend/contract.py."""
from kerax.backend.jax import conv, ctc, nn, numpy, random, rnn
from kerax.backend.jax.checks import check_in_range, raise_reported
from kerax.backend.jax.core import (
    Variable, block_until_ready, cast, compute_output_spec, cond, convert_to_numpy, convert_to_tensor,
    device_put, device_scope_name, fori_loop, is_tensor, is_traced, jit, scan, shape, start_profiler,
    stop_gradient, stop_profiler, to_host, value_and_grad, while_loop,
)
from kerax.backend.jax.export import export_function, load_exported
from kerax.backend.jax.trainer import compile_loop, concatenate_steps, enable_persistent_compilation_cache

__all__ = (
    "Variable", "convert_to_tensor", "convert_to_numpy", "to_host", "device_put", "is_tensor", "is_traced",
    "shape", "cast", "block_until_ready", "compute_output_spec", "cond", "scan", "fori_loop", "while_loop",
    "stop_gradient", "value_and_grad", "jit", "compile_loop", "concatenate_steps", "check_in_range",
    "raise_reported", "start_profiler", "stop_profiler", "device_scope_name", "export_function",
    "load_exported",
    "numpy", "nn", "conv", "rnn", "ctc", "random",
)

enable_persistent_compilation_cache()
