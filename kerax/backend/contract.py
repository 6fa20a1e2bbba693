"""The backend contract: every name an engine package (`kerax/backend/<engine>/`) provides, and what it means.

Code above `kerax/backend/` reaches the engine only through these names, re-exported by `kerax.backend`.
A new engine (PyTorch, say) is a folder whose `__init__.py` provides exactly `ENGINE_NAMES`; the op families
provide every name that the matching `kerax/ops/<family>.py` lists in `__all__` (tests/backend/test_contract.py
checks both for every engine).
"""

CORE = {
    # State
    "Variable": "subclass of backend.common.Variable storing engine arrays: `_convert_to_tensor(value)` makes "
                "one of the variable's dtype, `_cast(value, dtype)` casts a read (mixed precision); "
                "`raw_state()` / `replace_state(array)` read and swap the stored "
                "array without scopes or checks (the trainer swaps in a compiled step's new state)",
    # Host data <-> engine arrays
    "convert_to_tensor": "(x, dtype=None, sparse=None) host data (dtypes from backend.common.host_data) or an "
                         "engine array -> an engine array; a KerasTensor is an error",
    "convert_to_numpy": "(x) an engine array -> a NumPy array",
    "to_host": "(tree) every engine array of a nested structure -> NumPy, in one transfer (of an array split "
               "over processes, this process's part)",
    "device_put": "(x, layout=None) host data -> an array on the default device, or laid out with `layout`",
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
    "jit_checked": "(fn) fn compiled; a call whose program holds value checks (check_in_range) returns once "
                   "they have reported: the caller stores the results, then calls raise_reported()",
    "remat": "(fn) fn whose intermediate values are recomputed in the backward pass instead of kept "
             "(gradient checkpointing); same values and gradients",
    # The compiled training loop
    "compile_loop": "(step_fn, resident, keep_all_outputs=False, donate_state=True, placement=None) several "
                    "`step_fn(state, batch, mask) -> (state, outputs)` steps as one compiled device call; "
                    "with a step_placement, batch rows are split over its mesh inside that call; without "
                    "donation, state entries the step leaves unchanged come back as None",
    "concatenate_steps": "(outputs) [K, B, ...] stacked per-step outputs -> [K * B, ...]",
    # Self-contained inference programs
    "export_function": "(fn, state, input_specs) `fn(state, *inputs)` compiled and serialized (bytes) for "
                       "inputs given as (shape with None for any size, dtype); runs without fn's Python code",
    "load_exported": "(data) the callable `(state, *inputs) -> outputs` that export_function's bytes hold",
    # Checks inside compiled code
    "check_in_range": "(x, low, high, describe) error describe(value) for a value of x outside [low, high); "
                      "inside compiled code it is recorded and raised by raise_reported()",
    "raise_reported": "() raises the first error compiled code recorded, once the call's state is stored",
    # Profiling and devices
    "start_profiler": "(log_dir) traces device activity into log_dir (TensorBoard's profile plugin)",
    "stop_profiler": "() ends the trace",
    "device_scope_name": "() the platform of the default device ('cpu', 'gpu', ...)",
    # Distribution over devices and processes
    "list_devices": "(device_type=None) device names 'platform:id' ('cpu:0'), of every process",
    "device_count": "(device_type=None) the number of such devices",
    "device_mesh": "(shape, axis_names, devices) an engine mesh of the named devices laid out in shape",
    "tensor_layout": "(mesh, axes) an engine layout: tensor dimension i split over mesh axis axes[i] "
                     "(None: whole)",
    "distribute_tensor": "(x, layout) x placed with layout; inside compiled code, constrained to it",
    "layout_devices": "(x) the names of the devices holding array x",
    "device_scope": "(device_name) context manager: new arrays and computations go to that device",
    "step_placement": "(mesh, batch_axis, state_layouts) how compile_loop lays out state and batches; "
                      "`.replicas` is the number of parts each batch is split into; with several processes "
                      "each feeds its own rows of every batch (streamed, not resident)",
    "initialize_distributed": "(coordinator_address, num_processes, process_id, "
                              "heartbeat_timeout_seconds=100) starts the engine's own multi-process runtime",
    "process_info": "() (this process's index, the number of processes)",
    # Engine settings (tf.compat.v1.ConfigProto)
    "engine_started": "() whether the engine has started (memory and platform settings are read at start)",
    "configure_engine": "(allow_growth=None, memory_fraction=None, hide_gpus=None, log_placement=None) "
                        "applies settings; returns the names of those that came too late to take effect",
    "gpus_hidden_too_late": "() whether CUDA_VISIBLE_DEVICES=-1 was set after the engine started with GPUs",
}

# Op families: modules of the engine; each provides the names that kerax/ops/ exports from it (ops/symbolic.py's
# `export` records which).
OP_FAMILIES = {
    "numpy": "NumPy-like array math (creation, elementwise, reductions, shapes, indexing, products)",
    "nn": "neural-network ops: activations, convolution and pooling, normalization, attention, losses' kernels, CTC",
    "core": "tensor basics: cast, convert_to_tensor, stop_gradient, shape, is_tensor, convert_to_numpy",
    "control_flow": "cond, switch, scan, associative_scan, map, vectorized_map, loops, custom_gradient",
    "tensor_ops": "dtype, saturate_cast, unstack",
    "scatter": "scatter and scatter_update",
    "image": "image ops: resizing, colour conversions, geometric warps, filters, crops and patches",
    "slicing": "slices whose start indices may be traced values",
    "linalg": "linear algebra (keras.ops.linalg)",
    "math": "segment reductions, top-k, special functions, distances, framing, complex views",
    "fft": "Fourier transforms on (real, imag) pairs",
    "stft": "short-time Fourier transforms",
    "einops": "rearrange",
    "rnn": "recurrent loops",
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
    "gamma": "(shape, alpha, dtype=None, seed=None) Gamma(alpha, 1) draws",
    "beta": "(shape, alpha, beta, dtype=None, seed=None) Beta(alpha, beta) draws",
}

ENGINE_NAMES = tuple(CORE) + tuple(OP_FAMILIES) + ("random",)
