"""The Layer: owns Variables (created in `build` through `add_weight`), computes in `call`, and records itself
in the functional graph when called on symbolic tensors."""
import contextlib
import inspect

from kerax import backend, constraints, dtype_policies, initializers, regularizers
from kerax.backend import KerasTensor, autocast_scope, get_keras_mask, step_context
from kerax.layers import mask_propagation, remat_call
from kerax.layers.input_spec import assert_input_compatibility
from kerax import tree
from kerax.backend import TensorShape
from kerax.ops.node import Node
from kerax.ops.operation import Operation


class Layer(Operation):
    # Host layers (strings, vocabularies) run in NumPy before the compiled step (preprocessing/host_layer.py).
    runs_on_host = False

    def __init__(self, trainable=True, name=None, dtype=None, input_shape=None, input_dim=None,
                 batch_input_shape=None, batch_size=None, activity_regularizer=None, autocast=True,
                 **kwargs):
        # Old configs carry arguments that no longer mean anything: drop them rather than refuse to load.
        for obsolete in ("input_length", "weights", "implementation", "time_major"):
            kwargs.pop(obsolete, None)
        if kwargs:
            raise TypeError(
                f"{type(self).__name__}.__init__() got unexpected keyword argument(s) {sorted(kwargs)}."
            )
        super().__init__(name=name)
        self._trainable = bool(trainable)
        self.dtype_policy = dtype_policies.get(dtype)
        self.autocast = autocast
        self.built = False
        self.supports_masking = False
        self.input_spec = None
        self._own_variables = []
        self._eager_losses = []
        self._batch_input_shape = _batch_shape_from(input_shape, input_dim, batch_input_shape, batch_size)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self._call_signature = inspect.signature(self.call)
        self._call_accepts_training = "training" in self._call_signature.parameters
        # As in Keras, a call given no `training` (by its caller or an outer call) uses call()'s default:
        # random augmentation layers default to True, so calling one directly augments.
        self._call_training_default = self._call_signature.parameters["training"].default if (
            self._call_accepts_training) else None
        self._call_accepts_mask = "mask" in self._call_signature.parameters
        self._remat_mode = backend.get_current_remat_mode()  # a RematScope applies to the layers it creates
        # `build(query_shape, value_shape, key_shape=None)` (MultiHeadAttention) receives the shape of each
        # call argument of the same name; every other `build` receives the first input's shape(s).
        self._build_shape_arguments = [
            name[:-len("_shape")] for name in inspect.signature(self.build).parameters
            if name.endswith("_shape") and name[:-len("_shape")] in self._call_signature.parameters
        ]

    # --- construction ---------------------------------------------------------------------------------------
    def build(self, input_shape):
        self.built = True

    def add_weight(self, shape=None, initializer=None, dtype=None, trainable=True, autocast=True,
                   regularizer=None, constraint=None, aggregation="mean", name=None, **legacy):
        if isinstance(shape, str):  # Keras 2 order: add_weight(name, shape, ...)
            name, shape = shape, legacy.pop("shape", initializer if not callable(initializer) else None)
        shape = legacy.pop("shape", shape)
        if legacy:
            raise TypeError(f"add_weight() got unexpected keyword argument(s) {sorted(legacy)}.")
        dtype = dtype or self.dtype_policy.variable_dtype
        if initializer is None:
            is_float = backend.standardize_dtype(dtype).startswith(("float", "bfloat"))
            initializer = "glorot_uniform" if is_float else "zeros"
        variable = backend.Variable(
            initializers.get(initializer), shape=tuple(TensorShape(shape or ()).as_list()), dtype=dtype,
            trainable=trainable, name=name or f"variable_{len(self._own_variables)}",
            constraint=constraints.get(constraint), regularizer=regularizers.get(regularizer),
            autocast=autocast,
        )
        variable.path = backend.scoped_name(f"{self.name}/{variable.name}")
        self._own_variables.append(variable)
        return variable

    add_variable = add_weight

    def _adopt_paths(self, sublayer, replace_name=False):
        """A sublayer's variable paths as tf.keras names them: under this layer's name
        (`bidirectional/forward_lstm/lstm_cell/kernel`), or with `replace_name` in place of the sublayer's
        (`time_distributed/kernel`). Its HDF5 files list weights by these names."""
        for variable in sublayer.weights:
            path = variable.path
            if replace_name and path.startswith(f"{sublayer.name}/"):
                path = path[len(sublayer.name) + 1:]
            if not path.startswith(f"{self.name}/"):
                variable.path = f"{self.name}/{path}"

    # --- computation --------------------------------------------------------------------------------------
    def call(self, inputs, *args, **kwargs):
        raise NotImplementedError(f"Layer {type(self).__name__} does not implement call().")

    def __call__(self, *args, **kwargs):
        if not args:
            first = self._first_call_argument()  # `inputs`, or e.g. `query` for `mha(query=q, value=v)`
            if first not in kwargs:
                raise ValueError(f'Layer "{self.name}" was called without inputs.')
            args = (kwargs.pop(first),)
        if any(isinstance(x, KerasTensor) for x in tree.flatten((args, kwargs))):
            return self.symbolic_call(*args, **kwargs)

        inputs = self._convert_inputs(args[0])
        args = (inputs,) + args[1:]
        self._build_for_call(args, kwargs)
        assert_input_compatibility(self.input_spec, inputs, self.name)

        training = kwargs.pop("training", None)
        if training is None:
            training = step_context.current_training()
        if training is None and self._call_training_default is not inspect.Parameter.empty:
            training = self._call_training_default
        if self._call_accepts_training:
            kwargs["training"] = training
        previous_mask = self._previous_mask(args, kwargs)
        if self._call_accepts_mask:
            kwargs["mask"] = previous_mask
        kwargs.update(mask_propagation.argument_masks(self, args, kwargs, get_keras_mask))

        if step_context.is_outermost_call():
            self._clear_eager_losses()
        policy = self.dtype_policy
        cast_scope = autocast_scope.scope_for_layer(policy.compute_dtype, policy.variable_dtype,
                                                    self.autocast)
        with step_context.TrainingScope(training), cast_scope or contextlib.nullcontext():
            outputs = remat_call.rematerialized(self, self.call, args, kwargs)(*args, **kwargs)
        mask_propagation.attach_output_masks(self, inputs, outputs, previous_mask)
        if self.activity_regularizer is not None:
            for output in tree.flatten(outputs):
                rows = step_context.real_batch_size(output, output.dtype)
                self.add_loss(self.activity_regularizer(output) / rows)
        return outputs

    def stateless_call(self, trainable_variables, non_trainable_variables, *args, return_losses=False,
                       **kwargs):
        """Keras 3's pure call for JAX-style code: the layer computed with the given variable values; returns
        `(outputs, non_trainable_variables)` with the values the call assigned (e.g. BatchNormalization's
        moving statistics), and the added losses too with `return_losses=True`. No Variable is changed."""
        trainable, non_trainable = self.trainable_variables, self.non_trainable_variables
        for given, own, what in ((trainable_variables, trainable, "trainable_variables"),
                                 (non_trainable_variables, non_trainable, "non_trainable_variables")):
            if len(given) != len(own):
                raise ValueError(f'Layer "{self.name}" has {len(own)} {what}, but stateless_call() received '
                                 f"{len(given)}. Pass the values in the order of `layer.{what}`.")
        mapping = list(zip(trainable, trainable_variables)) + list(zip(non_trainable, non_trainable_variables))
        with backend.StatelessScope(mapping, collect_losses=return_losses) as scope:
            outputs = self(*args, **kwargs)
            losses = self.losses if return_losses else None
        new_non_trainable = [scope.get_current_value(v) for v in non_trainable]
        if return_losses:
            return outputs, new_non_trainable, losses
        return outputs, new_non_trainable

    def _convert_inputs(self, inputs):
        compute_dtype = self.dtype_policy.compute_dtype

        def convert(x):
            if x is None or isinstance(x, bool) or backend.host_data.is_text(x):
                return x
            if isinstance(x, backend.Variable):
                x = x.value
            x = backend.convert_to_tensor(x)
            dtype = backend.standardize_dtype(x.dtype)
            if self.autocast and dtype.startswith(("float", "bfloat")) and dtype != compute_dtype:
                x = backend.cast(x, compute_dtype)
            return x

        return tree.map_structure(convert, inputs)

    def _maybe_build(self, inputs):
        if self.built:
            return
        shapes = tree.map_structure(lambda x: tuple(x.shape) if hasattr(x, "shape") else None, inputs)
        self.build(shapes)
        self.built = True  # a build() that forgot super().build() is still built

    def _first_call_argument(self):
        for name, parameter in self._call_signature.parameters.items():
            if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
                return name
            break
        return "inputs"

    def _build_for_call(self, args, kwargs):
        if not self.built and len(self._build_shape_arguments) > 1:
            parameters = self._call_signature.parameters
            bound = self._call_signature.bind_partial(
                *args, **{k: v for k, v in kwargs.items() if k in parameters}
            ).arguments
            self.build(**{
                f"{name}_shape": tree.map_structure(lambda x: tuple(x.shape), bound[name])
                for name in self._build_shape_arguments if bound.get(name) is not None
            })
            self.built = True
        self._maybe_build(args[0])

    def symbolic_call(self, *args, **kwargs):
        self._build_for_call(args, kwargs)
        assert_input_compatibility(self.input_spec, args[0], self.name)
        previous_mask = self._previous_mask(args, dict(kwargs))
        spec_kwargs = kwargs
        if self._call_accepts_mask and previous_mask is not None and kwargs.get("mask") is None:
            # `call` sees the mask spec while tracing shapes; the node does not record it: a functional run
            # passes the masks it computes.
            spec_kwargs = {**kwargs, "mask": previous_mask}
        outputs = self.compute_output_spec(*args, **spec_kwargs)
        Node(self, args, kwargs, outputs)
        mask_propagation.attach_symbolic_masks(self, args[0], outputs, previous_mask)
        return outputs

    def _previous_mask(self, args, kwargs):
        """The mask this call works with: `mask=` (popped from kwargs) or those attached to the inputs."""
        mask = kwargs.pop("mask", None)
        if mask is not None:
            return mask
        tensors = mask_propagation.input_tensors(args, kwargs)
        return mask_propagation.combined([get_keras_mask(x) for x in tensors])

    def _overrides_compute_mask(self):
        return type(self).compute_mask is not Layer.compute_mask

    def compute_output_spec(self, *args, **kwargs):
        if type(self).compute_output_shape is not Layer.compute_output_shape:
            input_shapes = tree.map_structure(lambda x: x.shape, args[0])
            output_shape = self.compute_output_shape(input_shapes)
            return _keras_tensors_for(output_shape, self.dtype_policy.compute_dtype)

        def run(*call_args, **call_kwargs):
            return self.__call__(*call_args, **call_kwargs)

        return backend.compute_output_spec(run, *args, **kwargs)

    def compute_output_shape(self, input_shape):
        raise NotImplementedError(
            f"Layer {type(self).__name__} does not implement compute_output_shape(); call it on a "
            "KerasTensor (e.g. from `kerax.Input`) to infer shapes instead."
        )

    def compute_mask(self, inputs, previous_mask=None):
        return previous_mask if self.supports_masking else None

    # --- losses -------------------------------------------------------------------------------------------
    def add_loss(self, loss):
        scope = backend.get_stateless_scope()
        if scope is not None and scope.add_loss(loss):
            return
        self._eager_losses.append(loss)

    def _clear_eager_losses(self):
        for layer in self._flatten_layers():
            layer._eager_losses = []

    @property
    def losses(self):
        """Losses added during the last call (or, inside a compiled step, during this step's forward pass),
        plus the weight regularization penalties."""
        scope = backend.get_stateless_scope()
        losses = list(scope.losses) if scope is not None and scope.collect_losses else []
        for layer in self._flatten_layers():
            if scope is None or not scope.collect_losses:
                losses.extend(layer._eager_losses)
            for variable in layer._own_variables:
                if variable.regularizer is not None and variable.trainable and layer.trainable:
                    losses.append(variable.regularizer(variable.value))
        return losses

    # --- tracking -----------------------------------------------------------------------------------------
    def __setattr__(self, name, value):
        if isinstance(value, Layer):  # a new or replaced sublayer: compiled forward passes are out of date
            backend.structure_version.bump()
        super().__setattr__(name, value)

    def _tracked_children(self):
        """Sublayers and stand-alone state held as attributes (also inside lists, tuples and dicts)."""
        children = []
        seen = set()

        def visit(value):
            if id(value) in seen:
                return
            if isinstance(value, (Layer, backend.Variable)) or hasattr(value, "_is_seed_generator"):
                seen.add(id(value))
                children.append(value)
            elif isinstance(value, (list, tuple)):
                for v in value:
                    visit(v)
            elif isinstance(value, dict):
                for v in value.values():
                    visit(v)

        for key, value in vars(self).items():
            if key not in _UNTRACKED_ATTRIBUTES:
                visit(value)
        return children

    @property
    def _layers(self):
        return [c for c in self._tracked_children() if isinstance(c, Layer) and c is not self]

    def _flatten_layers(self, include_self=True):
        layers, seen = [], set()

        def visit(layer):
            if id(layer) in seen:
                return
            seen.add(id(layer))
            layers.append(layer)
            for child in layer._layers:
                visit(child)

        if include_self:
            visit(self)
        else:
            seen.add(id(self))
            for child in self._layers:
                visit(child)
        return layers

    def _own_state(self):
        """This layer's own weights, including Variables assigned directly as attributes."""
        own = list(self._own_variables)
        known = {id(v) for v in own}
        for child in self._tracked_children():
            if isinstance(child, backend.Variable) and id(child) not in known:
                own.append(child)
                known.add(id(child))
        return own

    def _collect(self, select):
        out, seen = [], set()
        for layer in self._flatten_layers():
            for variable in layer._own_state():
                if id(variable) not in seen and select(layer, variable):
                    seen.add(id(variable))
                    out.append(variable)
        return out

    @property
    def weights(self):
        return self._collect(lambda layer, v: True)

    @property
    def trainable_weights(self):
        return self._collect(lambda layer, v: v.trainable and layer.trainable)

    @property
    def non_trainable_weights(self):
        trainable = {id(v) for v in self.trainable_weights}
        return [v for v in self.weights if id(v) not in trainable]

    trainable_variables = trainable_weights
    non_trainable_variables = non_trainable_weights

    @property
    def seed_generators(self):
        found = []
        for layer in self._flatten_layers():
            found.extend(c for c in layer._tracked_children() if hasattr(c, "_is_seed_generator"))
        return found

    @property
    def variables(self):
        """Every piece of state: weights plus the RNG state of random layers (Dropout, ...)."""
        return self.weights + [g.state for g in self.seed_generators]

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        backend.structure_version.bump()
        for layer in self._flatten_layers():
            layer._trainable = bool(value)

    def get_weights(self):
        return [v.numpy() for v in self.weights]

    def set_weights(self, weights):
        params = self.weights
        if len(params) != len(weights):
            raise ValueError(
                f'Layer "{self.name}" expects {len(params)} weight arrays, but set_weights() received '
                f"{len(weights)}. Expected shapes: {[v.shape for v in params]}."
            )
        for variable, value in zip(params, weights):
            shape = tuple(getattr(value, "shape", ()))
            if shape != variable.shape:
                raise ValueError(
                    f'Layer "{self.name}" weight "{variable.name}" has shape {variable.shape}, but '
                    f"set_weights() received an array of shape {shape}."
                )
        for variable, value in zip(params, weights):
            variable.assign(value)

    def count_params(self):
        if not self.built:
            raise ValueError(
                f'You tried to call count_params() on layer "{self.name}", but the layer isn\'t built. '
                "Build it first, e.g. by calling it on data or with `build(input_shape)`."
            )
        total = 0
        for v in self.weights:
            size = 1
            for d in v.shape:
                size *= d
            total += size
        return total

    # --- graph introspection ------------------------------------------------------------------------------
    @property
    def input_shape(self):
        if not self._inbound_nodes and self._batch_input_shape is not None:
            return self._batch_input_shape
        return tree.map_structure(lambda t: t.shape, self.input)

    @property
    def output_shape(self):
        return tree.map_structure(lambda t: t.shape, self.output)

    @property
    def dtype(self):
        return self.dtype_policy.variable_dtype

    @property
    def compute_dtype(self):
        return self.dtype_policy.compute_dtype

    # --- serialization ------------------------------------------------------------------------------------
    def get_config(self):
        policy = self.dtype_policy
        # Quantized policies and policy maps are written as configs (Keras's form): names do not say all.
        plain = type(policy) in (dtype_policies.DTypePolicy, dtype_policies.FloatDTypePolicy)
        dtype = policy.name if plain else dtype_policies.serialize(policy)
        config = {"name": self.name, "trainable": self.trainable, "dtype": dtype}
        if self._batch_input_shape is not None:
            config["batch_input_shape"] = list(self._batch_input_shape)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"


# Attributes holding Variables or layers that belong to something else (graph nodes, the trainer's snapshot).
_UNTRACKED_ATTRIBUTES = frozenset({"_inbound_nodes", "_eager_losses", "_own_variables", "input_spec",
                                   "_compiled_trainable", "_compiled_forward"})


def _batch_shape_from(input_shape, input_dim, batch_input_shape, batch_size):
    if batch_input_shape is not None:
        return tuple(TensorShape(batch_input_shape).as_list())
    if input_shape is not None:
        return (batch_size,) + tuple(TensorShape(input_shape).as_list())
    if input_dim is not None:
        return (batch_size, int(input_dim))
    return None


def _keras_tensors_for(shape, dtype):
    if isinstance(shape, TensorShape):
        return KerasTensor(shape.as_list(), dtype=dtype)
    if isinstance(shape, (list, tuple)) and shape and all(
        isinstance(s, (list, tuple, TensorShape)) for s in shape
    ):
        return type(shape)(_keras_tensors_for(s, dtype) for s in shape)
    if isinstance(shape, dict):
        return {k: _keras_tensors_for(s, dtype) for k, s in shape.items()}
    return KerasTensor(tuple(shape), dtype=dtype)
