"""JAX core: Variable storage, tensor conversion, symbolic shape inference, control flow, gradients."""
import jax
import jax.numpy as jnp
import numpy as np

from kerax.backend import config
from kerax.backend.common import dtypes, host_data
from kerax.backend.common.keras_tensor import KerasTensor
from kerax.backend.common.stateless_scope import StatelessScope, SymbolicScope, get_stateless_scope
from kerax.backend.common.variables import Variable as BaseVariable
from kerax.backend.jax import checks, distribution
from kerax import tree

SUPPORTS_SPARSE_TENSORS = False


def _enable_x64_for(floatx):
    if floatx == "float64":
        jax.config.update("jax_enable_x64", True)


config._ON_FLOATX_CHANGE.append(_enable_x64_for)


class Variable(BaseVariable):
    # Variables may be created while a trace is active (a sublayer built inside `call`): initial values are
    # computed eagerly so that no tracer is ever stored in a Variable.
    def _run_initializer(self, initializer, shape):
        with jax.ensure_compile_time_eval():
            return initializer(shape, dtype=self._dtype)

    def _convert_to_tensor(self, value):
        with jax.ensure_compile_time_eval():
            return convert_to_tensor(value, dtype=self._dtype)

    def _cast(self, value, dtype):
        return value.astype(dtype)

    def __jax_array__(self):
        return self.value


# Handed to jax.jit / jax.grad / jax.tree functions, a Variable stands for its current value (a pytree with one
# leaf): JAX no longer turns `__jax_array__` objects into arrays while tracing.
jax.tree_util.register_pytree_node(Variable, lambda v: ((v.value,), None), lambda _, leaves: leaves[0])


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    if ragged:
        raise ValueError("convert_to_tensor(ragged=True): the JAX backend has no ragged tensors.")
    if isinstance(x, BaseVariable):
        x = x.value
    if dtype is not None:
        dtype = dtypes.standardize_dtype(dtype)
        if dtype == "string":
            raise TypeError("String tensors are not supported by the JAX backend.")
    if isinstance(x, (jax.Array, jax.core.Tracer)):
        return x if dtype is None or x.dtype == dtype else x.astype(dtype)
    if isinstance(x, KerasTensor):
        raise TypeError(
            "A symbolic KerasTensor was used where a real value is needed. Symbolic tensors only exist "
            "while building a functional model; call the model on arrays instead."
        )
    # Host data is converted by NumPy and then transferred: converting with jnp would compile a kernel
    # for every new shape.
    if dtype is None:
        return jax.device_put(host_data.to_host_array(x, "the input"))  # int64 ids beyond int32 raise
    return jax.device_put(np.asarray(x, dtype=jnp.dtype(dtype)))


def convert_to_numpy(x):
    if isinstance(x, BaseVariable):
        x = x.value
    return np.asarray(x)


def is_tensor(x):
    return isinstance(x, (jax.Array, jax.core.Tracer))


def shape(x):
    return tuple(x.shape)


def cast(x, dtype):
    return convert_to_tensor(x, dtype=dtype)


def standardize_dtype_of(x):
    return dtypes.standardize_dtype(x.dtype)


def stop_gradient(variable):
    return jax.lax.stop_gradient(variable.value if isinstance(variable, BaseVariable) else variable)


def is_traced(x):
    return isinstance(x, jax.core.Tracer)


def value_and_grad(fn, has_aux=False):
    return jax.value_and_grad(fn, has_aux=has_aux)


def remat(fn):
    def rematerialized(*args, **kwargs):
        # Only arrays go through jax.checkpoint; flags, None and Python numbers stay constants of the call.
        leaves, treedef = jax.tree_util.tree_flatten((args, kwargs))
        positions = [i for i, leaf in enumerate(leaves) if isinstance(leaf, (jax.Array, np.ndarray))]
        outer = get_stateless_scope()
        assigned = []

        def on_arrays(*arrays):
            filled = list(leaves)
            for i, array in zip(positions, arrays):
                filled[i] = array
            call_args, call_kwargs = jax.tree_util.tree_unflatten(treedef, filled)
            # State written inside (a seed advanced, a moving mean) leaves as outputs, not as leaked tracers.
            with StatelessScope(collect_losses=outer is not None and outer.collect_losses) as inner:
                outputs = fn(*call_args, **call_kwargs)
            assigned[:] = [variable for variable, _ in inner.assigned_variables()]
            return outputs, [value for _, value in inner.assigned_variables()], inner.losses

        outputs, values, losses = jax.checkpoint(on_arrays)(*[leaves[i] for i in positions])
        for variable, value in zip(assigned, values):
            variable.assign(value)
        for loss in losses:
            outer.add_loss(loss)
        return outputs

    return rematerialized


def jit(fn, donate_argnums=(), static_argnums=()):
    return jax.jit(fn, donate_argnums=donate_argnums, static_argnums=static_argnums)


def jit_checked(fn):
    return checks.compiled_with_checks(jax.jit(fn))


def block_until_ready(x):
    return jax.block_until_ready(x)


def device_put(x, layout=None):
    return jax.device_put(x, layout)


# Two different stand-ins for unknown (None) dimensions: a dimension of the output that changes with
# them is unknown too.
_UNKNOWN_DIM_PROBES = (83, 89)


def compute_output_spec(fn, *args, **kwargs):
    """Output KerasTensors of `fn` applied to KerasTensors, found by tracing with `jax.eval_shape`."""

    def trace(probe):
        def to_struct(x):
            if isinstance(x, KerasTensor):
                dims = tuple(probe if d is None else d for d in x.shape)
                return jax.ShapeDtypeStruct(dims, x.dtype)
            return x

        s_args, s_kwargs = tree.map_structure(to_struct, (args, kwargs))
        leaves = tree.flatten((s_args, s_kwargs))
        positions = [i for i, v in enumerate(leaves) if isinstance(v, jax.ShapeDtypeStruct)]

        def wrapped(*arrays):
            filled = list(leaves)
            for i, a in zip(positions, arrays):
                filled[i] = a
            call_args, call_kwargs = tree.pack_sequence_as((s_args, s_kwargs), filled)
            with SymbolicScope():
                return fn(*call_args, **call_kwargs)

        return jax.eval_shape(wrapped, *[leaves[i] for i in positions])

    has_unknown = any(
        isinstance(x, KerasTensor) and None in x.shape for x in tree.flatten((args, kwargs))
    )
    first = trace(_UNKNOWN_DIM_PROBES[0])
    second = trace(_UNKNOWN_DIM_PROBES[1]) if has_unknown else first

    def to_keras_tensor(a, b):
        if a is None:
            return None
        dims = tuple(d1 if d1 == d2 else None for d1, d2 in zip(a.shape, b.shape))
        return KerasTensor(dims, dtype=dtypes.standardize_dtype(a.dtype))

    return tree.map_structure(to_keras_tensor, _none_leaves(first), _none_leaves(second))


def _none_leaves(x):
    # eval_shape returns pytrees of ShapeDtypeStruct; keep lists/tuples/dicts as they are.
    if isinstance(x, (list, tuple)):
        return type(x)(_none_leaves(v) for v in x)
    if isinstance(x, dict):
        return {k: _none_leaves(v) for k, v in x.items()}
    return x


def device_scope_name():
    return jax.devices()[0].platform


def to_host(tree):
    """Device arrays to NumPy, in one transfer. Of an array split over several processes, this process gets
    the part it holds (its own rows of a batch)."""
    if all(leaf.is_fully_addressable for leaf in jax.tree.leaves(tree) if isinstance(leaf, jax.Array)):
        return jax.device_get(tree)
    return jax.tree.map(distribution.local_value, tree)


def start_profiler(log_dir):
    """Traces device activity into `log_dir/plugins/profile/` (TensorBoard's profile plugin reads it)."""
    jax.profiler.start_trace(log_dir)


def stop_profiler():
    jax.profiler.stop_trace()
