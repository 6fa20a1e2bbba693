"""`model(x)` on concrete arrays as a cached compiled program.

Keras runs such a call op by op. kerax runs the first call with a given input signature (structure, shapes,
dtypes, `training`) eagerly, as Keras does: it builds what is unbuilt and its errors point into the layers'
code. From the second call on, the same forward pass runs as one compiled program, kept per signature (at most
`MAX_PROGRAMS`, the oldest dropped first) until the model's structure changes (structure_version). The program
reads the variables' arrays without taking them (no donation, so other threads may read them), and returns
the values of the variables the call assigned (BatchNormalization's moving statistics under `training=True`,
random seeds), the losses it added and the outputs' masks, which are put back where an eager call leaves them.
A forward pass that cannot be traced (Python control flow on values) stays eager for that signature.
"""
import collections

import numpy as np

from kerax import backend, tree
from kerax.backend import StatelessScope, get_keras_mask, set_keras_mask, structure_version
from kerax.trainers.state_lock import STATE_LOCK

MAX_PROGRAMS = 32
_EAGER = "eager"  # a signature whose forward pass runs eagerly


class CompiledForward:
    def __init__(self, model, call_eagerly):
        self.model = model
        self.call_eagerly = call_eagerly  # (inputs, training) -> outputs, the ordinary layer call
        self._programs = collections.OrderedDict()  # signature -> _Program, _EAGER, or None (seen once)
        self._version = None
        self._losses_left = True  # an eager call may have left losses on the layers

    def __call__(self, inputs, training, compile_now=False):
        """The outputs of `model(inputs, training=training)`, or None when that call should run eagerly."""
        inputs = _converted(inputs)
        signature = _signature(inputs, training)
        if signature is None or backend.get_stateless_scope() is not None or self.model._run_eagerly:
            return None
        with STATE_LOCK:  # the cache may be read and changed by several threads
            program = self._program_for(signature, training, compile_now)
        if program is None:
            return None
        outputs = program.run(inputs)
        if outputs is None:
            with STATE_LOCK:
                self._programs[signature] = _EAGER
            return None
        self._set_losses(program.losses)
        return outputs

    def _program_for(self, signature, training, compile_now):
        """The compiled program for `signature`, made if needed; None where the call runs eagerly."""
        if structure_version.current() != self._version:
            self._programs.clear()
            self._version = structure_version.current()
        if signature not in self._programs and not compile_now:
            self._remember(signature, None)  # the first call of a signature runs eagerly
            return None
        program = self._programs.get(signature)
        if program is _EAGER:
            return None
        if program is None:
            program = _Program(self.model, self.call_eagerly, training)
        self._remember(signature, program)
        return program

    def eager_call_made(self):
        self._losses_left = True

    def _remember(self, signature, program):
        self._programs[signature] = program
        self._programs.move_to_end(signature)
        while len(self._programs) > MAX_PROGRAMS:
            self._programs.popitem(last=False)

    def _set_losses(self, losses):
        if losses or self._losses_left:
            self.model._clear_eager_losses()
            self.model._eager_losses = list(losses)
        self._losses_left = bool(losses)


class _Program:
    def __init__(self, model, call_eagerly, training):
        self.variables = _unique(model.variables)
        self.written = None  # indices of the variables the forward pass assigns, known once traced
        self.has_masks = False
        self.losses = []

        def forward(state, inputs):
            with StatelessScope(zip(self.variables, state), collect_losses=True) as scope:
                outputs = call_eagerly(inputs, training)
                masks = [get_keras_mask(o) for o in tree.flatten(outputs)]
                assigned = {id(v) for v, _ in scope.assigned_variables()}
                self.written = [i for i, v in enumerate(self.variables) if id(v) in assigned]
                new_values = [scope.get_current_value(self.variables[i]) for i in self.written]
                losses = list(scope.losses)
            self.has_masks = any(m is not None for m in masks)
            return outputs, masks, losses, new_values

        self.compiled = backend.jit_checked(forward)
        self.traced = False

    def run(self, inputs):
        try:
            state = [v.raw_state() for v in self.variables]
            outputs, masks, losses, new_values = self.compiled(state, inputs)
        except Exception:  # e.g. `if` on a traced value: this signature stays eager
            if self.traced:
                raise
            return None
        self.traced = True
        if self.written:
            with STATE_LOCK:
                for i, value in zip(self.written, new_values):
                    self.variables[i].replace_state(value)
        backend.raise_reported()  # e.g. an Embedding id out of range, once the state is stored
        self.losses = losses
        if self.has_masks:
            for output, mask in zip(tree.flatten(outputs), masks):
                if mask is not None:
                    set_keras_mask(output, mask)
        return outputs


def _signature(inputs, training):
    """A hashable description of numeric array inputs (one array, a list/tuple or a flat dict of them), or
    None for anything else (symbolic or traced tensors, strings, nested structures, Python scalars)."""
    if isinstance(inputs, (list, tuple, dict)) and type(inputs) not in (list, tuple, dict):
        return None  # namedtuples, OrderedDicts, ...: run eagerly
    keys = tuple(inputs) if isinstance(inputs, dict) else None
    parts = tuple(_array_signature(x) for x in _top_level(inputs))
    if None in parts:
        return None
    return type(inputs), keys, parts, training


def _array_signature(x):
    if isinstance(x, np.ndarray):
        return (x.shape, x.dtype.str) if x.dtype.kind in "biuf" else None
    if backend.is_tensor(x) and not backend.is_traced(x):
        return x.shape, str(x.dtype)
    return None


def _top_level(inputs):
    if isinstance(inputs, dict):
        return list(inputs.values())
    return list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]


def _converted(inputs):
    """`inputs` with their top-level 64-bit NumPy arrays converted (see _wide_to_tensor)."""
    if type(inputs) is dict:
        return {key: _wide_to_tensor(x) for key, x in inputs.items()}
    if type(inputs) in (list, tuple):
        return type(inputs)(_wide_to_tensor(x) for x in inputs)
    return _wide_to_tensor(inputs)


def _wide_to_tensor(x):
    """64-bit NumPy data goes through the host-data rule (float64 -> floatx; int64 ids beyond int32 are an
    error, not wrapped), as an eager call converts it."""
    if isinstance(x, np.ndarray) and x.dtype.kind in "iuf" and x.dtype.itemsize == 8:
        return backend.convert_to_tensor(x)
    return x


def _unique(variables):
    seen = set()
    return [v for v in variables if not (id(v) in seen or seen.add(id(v)))]
