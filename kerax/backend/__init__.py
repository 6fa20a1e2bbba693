"""The engine seam. The backend is chosen once: KERAX_BACKEND, else ~/.kerax/kerax.json, else 'jax'.

Everything above this package computes through `kerax.ops` and the names re-exported here.
"""
from kerax.backend import config
from kerax.backend.common import (
    KerasTensor, StatelessScope, SymbolicScope, any_symbolic_tensors, get_stateless_scope, is_keras_tensor,
    standardize_dtype, standardize_shape,
)
from kerax.backend.config import (
    backend, epsilon, floatx, image_data_format, set_epsilon, set_floatx, set_image_data_format,
    standardize_data_format,
)

if config.backend() == "jax":
    from kerax.backend.jax import (
        Variable, block_until_ready, cast, checks, compute_output_spec, cond, control_flow, conv, convert_to_numpy,
        convert_to_tensor, core, ctc, device_put, einops, fori_loop, is_tensor, is_traced, jit, linalg, math, nn,
        numpy, random, rnn, scan, scatter, shape, stft, stop_gradient, tensor_ops, trainer, value_and_grad,
        while_loop,
    )
elif config.backend() == "torch":
    raise NotImplementedError(
        "The PyTorch backend is not implemented yet. Unset KERAX_BACKEND (or set it to 'jax') to use JAX."
    )
else:
    raise ValueError(
        f"Unknown backend {config.backend()!r} (from KERAX_BACKEND or ~/.kerax/kerax.json). "
        "Available: 'jax'."
    )


def clear_session():
    """Resets default layer names (`dense`, `dense_1`, ...) and frees compiled functions' caches."""
    from kerax.backend.common import naming
    naming.reset()


def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """tf.keras's CTC loss per sample `(samples, 1)` from softmax output (blank = last category)."""
    from kerax.losses.ctc import ctc_batch_cost as _ctc_batch_cost
    return _ctc_batch_cost(y_true, y_pred, input_length, label_length)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """tf.keras's CTC decoding of softmax output: `([decoded padded with -1, ...], log_probabilities)`."""
    from kerax.losses.ctc import ctc_decode as _ctc_decode
    return _ctc_decode(y_pred, input_length, greedy=greedy, beam_width=beam_width, top_paths=top_paths)
