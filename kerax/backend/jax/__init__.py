"""The JAX engine: the only package in kerax that imports jax. It provides exactly the names of
kerax/backend/contract.py."""
from kerax.backend.jax import (
    control_flow, core, einops, fft, image, linalg, math, nn, numpy, random, rnn, scatter, slicing, stft, tensor_ops,
)
from kerax.backend.jax.checks import check_in_range, raise_reported
from kerax.backend.jax.control_flow import cond, fori_loop, scan, while_loop
from kerax.backend.jax.core import (
    Variable, block_until_ready, cast, compute_output_spec, convert_to_numpy, convert_to_tensor, device_put,
    device_scope_name, is_tensor, is_traced, jit, jit_checked, remat, shape, start_profiler, stop_gradient,
    stop_profiler, to_host, value_and_grad,
)
from kerax.backend.jax.distribution import (
    device_count, device_mesh, device_scope, distribute_tensor, initialize_distributed, layout_devices,
    list_devices, process_info, step_placement, tensor_layout,
)
from kerax.backend.jax import settings
from kerax.backend.jax.settings import configure_engine, engine_started, gpus_hidden_too_late
from kerax.backend.jax.export import export_function, load_exported
from kerax.backend.jax.trainer import compile_loop, concatenate_steps, enable_persistent_compilation_cache

__all__ = (
    "Variable", "convert_to_tensor", "convert_to_numpy", "to_host", "device_put", "is_tensor", "is_traced",
    "shape", "cast", "block_until_ready", "compute_output_spec", "cond", "scan", "fori_loop", "while_loop",
    "stop_gradient", "value_and_grad", "jit", "jit_checked", "remat", "compile_loop", "concatenate_steps",
    "check_in_range", "raise_reported", "start_profiler", "stop_profiler", "device_scope_name", "export_function",
    "load_exported",
    "list_devices", "device_count", "device_mesh", "tensor_layout", "distribute_tensor", "layout_devices",
    "device_scope", "step_placement", "initialize_distributed", "process_info",
    "engine_started", "configure_engine", "gpus_hidden_too_late",
    "numpy", "nn", "core", "control_flow", "tensor_ops", "scatter", "slicing", "linalg", "math", "fft", "stft",
    "einops", "image", "rnn", "random",
)

enable_persistent_compilation_cache()
settings.cpu_only_when_gpus_hidden()
