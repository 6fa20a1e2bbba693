"""The backend contract: every name an engine package (`kerax/backend/<engine>/`) provides, and what it means.

Code above `kerax/backend/` reaches the engine only through these names, re-exported by `kerax.backend`.
A new engine (PyTorch, say) is a folder whose `__init__.py` provides exactly `ENGINE_NAMES`; the op families
provide every name that the matching `kerax/ops/<family>.py` lists in `__all__` (tests/backend/test_contract.py
checks both for every engine).
"""

CORE = {
    # State
    "Variable": "subclass of backend.common.Variable storing engine arrays: `_convert_to_tensor(value)` makes "
                "one of the variable's dtype; `raw_state()` / `replace_state(array)` read and swap the stored "
                "array without scopes or checks (the trainer swaps in a compiled step's new state)",
    # Host data <-> engine arrays
    "convert_to_tensor": "(x, dtype=None, sparse=None) host data (dtypes from backend.common.host_data) or an "
                         "engine array -> an engine array; a KerasTensor is an error",
    "convert_to_numpy": "(x) an engine array -> a NumPy array",
    "to_host": "(tree) every engine array of a nested structure -> NumPy, in one transfer",
    "device_put": "(x) host data -> an array on the default device",
    "is_tensor": "(x) whether x is an engine array (traced or concrete)",
    "is_traced": "(x) whether x is a traced value inside compiled code",
    "shape": "(x) the shape of an engine array, a tuple",
    "cast": "(x, dtype) x as dtype",
    "block_until_ready": "(x) waits for asynchronous computation of x",
    # Functional-graph shapes
    "compute_output_spec": "(fn, *args, **kwargs) KerasTensors of fn's outputs for KerasTensor inputs, with "
                           "None where an output dimension depends on an unknown input dimension",
    # Control flow and gradients
    "cond": "(pred, true_fn, false_fn) one branch, also inside compiled code",
    "scan": "(fn, init, xs=None, length=None, reverse=False, unroll=1) lax.scan's meaning",
    "fori_loop": "(lower, upper, body_fun, init_val)",
    "while_loop": "(cond_fun, body_fun, init_val)",
    "stop_gradient": "(x) x, with no gradient flowing through it",
    "value_and_grad": "(fn, has_aux=False) -> fn returning (value, gradients w.r.t. its first argument)",
    "jit": "(fn, donate_argnums=(), static_argnums=()) fn compiled",
    # The compiled training loop
    "compile_loop": "(step_fn, resident, keep_all_outputs=False, donate_state=True) several "
                    "`step_fn(state, batch, mask) -> (state, outputs)` steps as one compiled device call; "
                    "without donation, state entries the step leaves unchanged come back as None",
    "concatenate_steps": "(outputs) [K, B, ...] stacked per-step outputs -> [K * B, ...]",
    # Checks inside compiled code
    "check_in_range": "(x, low, high, describe) error describe(value) for a value of x outside [low, high); "
                      "inside compiled code it is recorded and raised by raise_reported()",
    "raise_reported": "() raises the first error compiled code recorded, once the call's state is stored",
    # Profiling and devices
    "start_profiler": "(log_dir) traces device activity into log_dir (TensorBoard's profile plugin)",
    "stop_profiler": "() ends the trace",
    "device_scope_name": "() the platform of the default device ('cpu', 'gpu', ...)",
}

# Op families: modules of the engine, each providing the names of kerax/ops/<family>.py's `__all__`.
OP_FAMILIES = {
    "numpy": "NumPy-like array math",
    "nn": "neural-network ops (activations, losses' kernels, normalization, attention)",
    "conv": "convolution and pooling",
    "rnn": "recurrent loops",
    "ctc": "connectionist temporal classification: loss and decoding",
}

# The random family has no ops module of its own: its names are listed here.
RANDOM = {
    "key_from_state": "(state) a random key from a SeedGenerator's uint32 state",
    "advance_state": "(state) the state after one draw",
    "normal": "(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)",
    "uniform": "(shape, minval=0.0, maxval=1.0, dtype=None, seed=None)",
    "truncated_normal": "(shape, mean=0.0, stddev=1.0, dtype=None, seed=None), redrawn beyond 2 stddev",
    "randint": "(shape, minval, maxval, dtype='int32', seed=None)",
    "bernoulli_keep_mask": "(shape, keep_probability, seed=None) boolean mask, True with keep_probability",
    "permutation": "(x, seed=None) a random permutation of x (or of range(x))",
}

ENGINE_NAMES = tuple(CORE) + tuple(OP_FAMILIES) + ("random",)
