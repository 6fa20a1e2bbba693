"""compile / fit / evaluate / predict.

Steps are written in ordinary stateful Keras style (`train_step`, overridable) and made pure by running them
inside a StatelessScope over every piece of state; the backend compiles that pure function once, runs many
steps per device call, and the new state is written back into the Variables after each call.
"""
import math

import numpy as np

from kerax import backend, metrics as metrics_module, optimizers, ops
from kerax.backend import KerasTensor, StatelessScope
from kerax.backend import host_data, step_context
from kerax.callbacks.callback_list import CallbackList
from kerax.layers.layer import Layer
from kerax.trainers import compile_utils, data_adapters, distributed, pure_steps
from kerax.trainers.compiled_forward import CompiledForward
from kerax.trainers.state_lock import STATE_LOCK
from kerax.trainers.gradients import value_and_grad
from kerax import tree
from kerax.console import io_utils

# With no callback needing per-batch hooks, an epoch of up to this many steps runs in one device call.
MAX_STEPS_PER_EXECUTION = 1024
# Updates per epoch of a live progress bar.
LIVE_PROGRESS_UPDATES = 20


class Trainer:
    def __init__(self):
        self.compiled = False
        self.optimizer = None
        self.loss = None
        self.stop_training = False
        self.history = None
        self._run_eagerly = False
        self._steps_per_execution = None
        self._initial_epoch = None
        self._compile_loss = None
        self._compile_metrics = None
        self._loss_tracker = None
        self._compiled_trainable = None
        self._runners = {}
        self._distribution = distributed.active_distribution(self)  # a strategy's scope around model creation
        self._step_distribution = None

    # --- compile ------------------------------------------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, metrics=None, loss_weights=None, weighted_metrics=None,
                run_eagerly=False, steps_per_execution=None, jit_compile=True, auto_scale_loss=True,
                sample_weight_mode=None, **kwargs):
        for old in ("target_tensors", "distribute", "experimental_run_tf_function"):
            kwargs.pop(old, None)
        if kwargs:
            raise TypeError(f"compile() got unexpected keyword argument(s) {sorted(kwargs)}.")
        _check_sample_weight_mode(sample_weight_mode)
        self.optimizer = optimizers.get(optimizer)
        if auto_scale_loss and self.dtype_policy.name == "mixed_float16" and self.optimizer is not None and \
                not isinstance(self.optimizer, optimizers.LossScaleOptimizer):
            self.optimizer = optimizers.LossScaleOptimizer(self.optimizer, name="loss_scale_optimizer")
        self.loss = loss
        self._compile_loss = compile_utils.CompileLoss(loss, loss_weights) if loss is not None else None
        self._compile_metrics = compile_utils.CompileMetrics(metrics, weighted_metrics)
        self._loss_tracker = metrics_module.Mean(name="loss")
        self._run_eagerly = bool(run_eagerly) or jit_compile is False
        if steps_per_execution is not None and int(steps_per_execution) < 1:
            raise ValueError(f"steps_per_execution must be >= 1, received {steps_per_execution}.")
        self._steps_per_execution = int(steps_per_execution) if steps_per_execution else None
        self._compiled_trainable = None  # the trainable set is fixed when training starts
        self._runners = {}
        self._distribution = distributed.active_distribution(self)
        self.compiled = True

    @property
    def run_eagerly(self):
        return self._run_eagerly

    @run_eagerly.setter
    def run_eagerly(self, value):
        self._run_eagerly = bool(value)

    def _assert_compiled(self, what):
        if not self.compiled:
            raise RuntimeError(
                f"You must compile your model before {what}: call "
                "`model.compile(optimizer, loss)` first (e.g. `model.compile('adam', 'mse')`)."
            )

    # --- the steps (stateful style; override them like in Keras) ---------------------------------------
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        """The compiled loss plus the layers' `add_loss` losses; either alone is enough (a VAE compiles with
        no `loss=`), and a step with neither is an error."""
        extra = self.losses
        if self._compile_loss is None and not extra:
            raise ValueError(
                "No loss to compute: pass `loss=` to `model.compile()`, e.g. `loss='mse'` or "
                "`loss='categorical_crossentropy'`, or add losses in the model with `self.add_loss(...)`."
            )
        if self._compile_loss is not None and not self._compile_loss.built:  # called before any fit()
            self._num_outputs = len(tree.flatten(y_pred))
            self._compile_loss.build(self._output_names())
        total = self._compile_loss(y, y_pred, sample_weight) if self._compile_loss is not None else 0.0
        if extra:
            total = total + ops.sum(ops.stack([ops.cast(ops.sum(loss), backend.floatx()) for loss in extra]))
        return total

    def stateless_compute_loss(self, trainable_variables, non_trainable_variables, metrics_variables, x=None,
                               y=None, y_pred=None, sample_weight=None, training=True):
        """Keras 3's pure `compute_loss` for JAX-style steps (see pure_steps)."""
        return pure_steps.stateless_compute_loss(
            self, trainable_variables, non_trainable_variables, metrics_variables, x=x, y=y, y_pred=y_pred,
            sample_weight=sample_weight, training=training)

    @property
    def metrics_variables(self):
        return pure_steps.metrics_variables(self)

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        self._compile_metrics.update_state(y, y_pred, sample_weight, self._output_names())
        return self.get_metrics_result()

    def get_metrics_result(self):
        logs = {"loss": self._loss_tracker.result()}
        if self._compile_loss is not None:
            for tracker in self._compile_loss.trackers:
                if tracker is not None:
                    logs[tracker.name] = tracker.result()
        logs.update(self._compile_metrics.results())
        return logs

    def train_step(self, data):
        x, y, sample_weight = data_adapters.unpack_x_y_sample_weight(data)
        trainable = self._trainable_for_training()

        def forward():
            y_pred = self(x, training=True)
            loss = self.compute_loss(x, y, y_pred, sample_weight, training=True)
            # Gradients of the scaled loss (loss_scale_factor, LossScaleOptimizer); the optimizer unscales.
            return self.optimizer.scale_loss(loss), loss, y_pred

        (_, loss, y_pred), grads = value_and_grad(forward, trainable)
        self.optimizer.apply(grads, trainable)
        self._loss_tracker.update_state(loss, sample_weight=compile_utils.real_batch_size(y_pred))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def test_step(self, data):
        x, y, sample_weight = data_adapters.unpack_x_y_sample_weight(data)
        y_pred = self(x, training=False)
        loss = self.compute_loss(x, y, y_pred, sample_weight, training=False)
        self._loss_tracker.update_state(loss, sample_weight=compile_utils.real_batch_size(y_pred))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def predict_step(self, data):
        x, _, _ = data_adapters.unpack_x_y_sample_weight(data)
        return self(x, training=False)

    @property
    def metrics(self):
        found = [self._loss_tracker] if self._loss_tracker is not None else []
        if self._compile_loss is not None and self._compile_loss.built:
            found += [t for t in self._compile_loss.trackers if t is not None]
        if self._compile_metrics is not None:
            found += [m for _, m, _ in self._compile_metrics.metrics]
        return found

    @property
    def metrics_names(self):
        return [m.name for m in self.metrics]

    def reset_metrics(self):
        for metric in self.metrics:
            metric.reset_state()

    # --- building what the steps need --------------------------------------------------------------------
    def _output_names(self):
        names = getattr(self, "output_names", None)
        if names:
            return list(names)
        return [f"output_{i + 1}" for i in range(self._num_outputs)] if self._num_outputs > 1 else ["output_1"]

    def _trainable_for_training(self):
        if self._compiled_trainable is None:
            self._compiled_trainable = list(self.trainable_weights)
        return self._compiled_trainable

    # --- host-side preprocessing layers (kerax/models/host_part.py) -------------------------------------
    def _host_graph(self):
        """The functional graph whose host layers run on each batch before the compiled step, or None."""
        return None

    def _data_adapter(self, *args, **kwargs):
        graph = self._host_graph()
        transform = graph.host_inputs if graph is not None else None
        return data_adapters.get_data_adapter(*args, x_transform=transform, **kwargs)

    def _on_prepared_inputs(self, fn):
        """`fn` run where the model reads batches that went through its host part."""
        graph = self._host_graph()
        if graph is None:
            return fn

        def prepared(*args):
            with step_context.HostPreparedScope(graph):
                return fn(*args)

        return prepared

    def _build_for(self, x, y, mode):
        """Builds the model, losses, metrics and optimizer from one batch, so every Variable exists before
        the first compiled step."""
        batch = _declared_batch_size(self)
        specs = tree.map_structure(lambda a: KerasTensor((batch,) + tuple(np.shape(a))[1:], host_data.host_dtype(a)), x)
        if hasattr(self, "check_input_shapes") and not isinstance(x, dict) and self._host_graph() is None:
            self.check_input_shapes([s.shape for s in tree.flatten(specs)])
        forward = self._on_prepared_inputs(lambda inputs: self(inputs, training=False))
        outputs = backend.compute_output_spec(forward, specs)
        self._num_outputs = len(tree.flatten(outputs))
        if mode == "predict":
            return
        names = self._output_names()
        if self._compile_loss is not None and not self._compile_loss.built:
            self._compile_loss.build(names)
        if not self._compile_metrics.built:
            y_true = compile_utils.match_outputs(y, names, "y") if isinstance(y, (dict, list, tuple)) else [y]
            y_true_shapes = [None if t is None else tuple(np.shape(t)) for t in y_true]
            y_pred_shapes = [t.shape for t in tree.flatten(outputs)]
            self._compile_metrics.build(names, y_true_shapes, y_pred_shapes, self._compile_loss)
        if mode == "train":
            self.optimizer.build(self._trainable_for_training())

    def _state_variables(self, mode):
        seen, state = set(), []
        groups = [self.variables]
        if mode != "predict":
            groups += [self._loss_tracker.variables, self._compile_loss.variables if self._compile_loss else [],
                       self._compile_metrics.variables]
        if mode == "train":
            groups.append(self.optimizer.variables)
        if mode != "predict":
            groups.append(pure_steps.metrics_variables(self))  # metrics a custom step keeps as attributes
        for group in groups:
            for variable in group:
                if id(variable) not in seen:
                    seen.add(id(variable))
                    state.append(variable)
        return state

    def _runner(self, mode, resident):
        key = (mode, resident, self._step_distribution)
        with STATE_LOCK:
            if key not in self._runners:
                step = {"train": self.train_step, "test": self.test_step, "predict": self.predict_step}[mode]
                if pure_steps.is_pure_step(step):
                    step = pure_steps.as_stateful(self, step, mode)
                step = self._on_prepared_inputs(step)
                state = self._state_variables(mode)
                placement = distributed.step_placement(self._step_distribution, state)
                self._runners[key] = _StepRunner(step, state, resident, keep_all_outputs=mode == "predict",
                                                 eager=self._run_eagerly, donate=mode == "train",
                                                 placement=placement)
            return self._runners[key]

    def _steps_per_call(self, steps, callbacks, mode, verbose):
        if self._steps_per_execution:
            return self._steps_per_execution
        if self._run_eagerly or callbacks.needs_batch_hooks(mode):
            return 1
        if steps is None:
            return 1
        per_call = min(steps, MAX_STEPS_PER_EXECUTION)
        if verbose == 1 and io_utils.is_live_terminal():
            per_call = min(per_call, max(1, math.ceil(steps / LIVE_PROGRESS_UPDATES)))
        return per_call

    # --- running an epoch ------------------------------------------------------------------------------
    def _run_epoch(self, mode, adapter, callbacks, verbose, y_for_build=None):
        """Runs one pass over the adapter's data; returns the device outputs (predict: all of them, else the
        last call's) and the masks of the rows that were real.

        Arrays stay on the device for training and evaluation (an epoch gathers its batches there); predict
        streams them, so that any number of samples runs in a few compiled programs (padded_batch_size)."""
        self._step_distribution = distributed.active_distribution(self)
        adapter.row_multiple = distributed.rows_multiple(self._step_distribution)
        if adapter.is_resident and mode != "predict" and \
                not distributed.streams_from_host(self._step_distribution):
            return self._run_resident_epoch(mode, adapter, callbacks, verbose)
        return self._run_streamed_epoch(mode, adapter, callbacks, verbose)

    def _run_resident_epoch(self, mode, adapter, callbacks, verbose):
        if not self._is_ready(mode):
            x_sample, y_sample = adapter.sample_batch()
            self._build_for(x_sample, y_sample, mode)
        runner = self._runner(mode, resident=True)
        data = adapter.device_data(distributed.replicated_layout(self._step_distribution))
        indices, masks = adapter.epoch_indices()
        per_call = self._steps_per_call(adapter.steps, callbacks, mode, verbose)
        reads_logs = callbacks.reads_batch_logs(mode)  # if none does, the logs are made once, at the end
        outputs = None
        for start in range(0, adapter.steps, per_call):
            end = min(start + per_call, adapter.steps)
            callbacks.on_batch_begin(mode, start)
            outputs = runner.run(data, indices[start:end], masks[start:end])
            callbacks.on_batch_end(mode, end - 1, _to_python(outputs) if reads_logs else {})
            if self.stop_training and mode == "train":
                break
        return outputs, masks

    def _run_streamed_epoch(self, mode, adapter, callbacks, verbose):
        per_call, outputs, collected, masks_seen, step = None, None, [], [], 0
        pending, pending_masks = [], []
        for (batch, size) in adapter.batches():
            if not self._is_ready(mode):
                self._build_for(batch[0], batch[1], mode)
            if per_call is None:
                per_call = self._steps_per_call(adapter.steps, callbacks, mode, verbose)
                # The first batch's size (arrays: rounded up, see padded_batch_size); smaller ones are padded to it.
                nominal = adapter.padded_batch_size(size) if hasattr(adapter, "padded_batch_size") else size
            if size > nominal:
                nominal = size  # a larger batch than the first: compiled anew for this size
            nominal = data_adapters.padded_rows(nominal, adapter.row_multiple)
            batch, mask = data_adapters.pad_batch(batch, size, nominal)
            if pending and tree.map_structure(np.shape, batch) != tree.map_structure(np.shape, pending[0]):
                outputs, step = self._flush(mode, pending, pending_masks, callbacks, step, collected, masks_seen)
                pending, pending_masks = [], []
            pending.append(batch)
            pending_masks.append(mask)
            if len(pending) == per_call:
                outputs, step = self._flush(mode, pending, pending_masks, callbacks, step, collected, masks_seen)
                pending, pending_masks = [], []
            if self.stop_training and mode == "train":
                break
        if pending:
            outputs, step = self._flush(mode, pending, pending_masks, callbacks, step, collected, masks_seen)
        if step == 0:
            raise ValueError("The data yielded no batches: there is nothing to run.")
        return (collected if mode == "predict" else outputs), np.concatenate(masks_seen)

    def _flush(self, mode, batches, masks, callbacks, step, collected, masks_seen):
        """Runs the pending batches, as device calls of a power-of-two number of steps each (so a few
        programs serve any number of steps)."""
        outputs = None
        while batches:
            count = 1 << (len(batches).bit_length() - 1)
            chunk, batches, chunk_masks, masks = batches[:count], batches[count:], masks[:count], masks[count:]
            stacked = tree.map_structure(lambda *leaves: None if leaves[0] is None else np.stack(leaves), *chunk)
            callbacks.on_batch_begin(mode, step)
            outputs = self._runner(mode, resident=False).run(stacked, np.stack(chunk_masks))
            collected.append(outputs)
            masks_seen.extend(np.ravel(m) for m in chunk_masks)
            step += count
            if mode == "predict":
                logs = _predict_logs(callbacks, outputs, chunk_masks)
            else:
                logs = _to_python(outputs) if callbacks.reads_batch_logs(mode) else {}
            callbacks.on_batch_end(mode, step - 1, logs)
        return outputs, step

    def _is_ready(self, mode):
        with STATE_LOCK:  # another thread may be adding a runner
            return any(key[0] == mode for key in self._runners)

    # --- public loops -----------------------------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, class_weight=None, sample_weight=None,
            initial_epoch=0, steps_per_epoch=None, validation_steps=None, validation_batch_size=None,
            validation_freq=1, max_queue_size=10, workers=1, use_multiprocessing=False, seed=None):
        self._assert_compiled("training/fitting the model")
        verbose = _resolve_verbose(verbose)
        loading = dict(workers=workers, use_multiprocessing=use_multiprocessing, max_queue_size=max_queue_size)
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = data_adapters.split_validation(
                x, y, sample_weight, validation_split)
        adapter = self._data_adapter(
            x, y, sample_weight, batch_size=batch_size, steps=steps_per_epoch, shuffle=shuffle,
            class_weight=class_weight, seed=seed, **loading)
        val_adapter = self._validation_adapter(validation_data, validation_batch_size or batch_size,
                                               validation_steps)
        callbacks = callbacks if isinstance(callbacks, CallbackList) else CallbackList(
            callbacks, add_history=True, add_progbar=verbose != 0, model=self, verbose=verbose,
            epochs=epochs, steps=adapter.steps)
        self.stop_training = False
        self._initial_epoch = None  # a callback (BackupAndRestore) may set where a resumed run starts
        logs = {}
        callbacks.on_train_begin()
        initial_epoch = self._initial_epoch or initial_epoch
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            callbacks.on_epoch_begin(epoch)
            outputs, _ = self._run_epoch("train", adapter, callbacks, verbose)
            logs = _to_python(outputs)
            if val_adapter is not None and (epoch + 1) % validation_freq == 0:
                val_logs = self._evaluate_adapter(val_adapter, callbacks, verbose=0)
                logs.update({f"val_{k}": v for k, v in val_logs.items()})
            callbacks.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        if epochs > 0 and hasattr(self.optimizer, "finalize_variable_values"):
            self.optimizer.finalize_variable_values(self._trainable_for_training())
        callbacks.on_train_end(logs)
        return callbacks.history

    def _validation_adapter(self, validation_data, batch_size, steps):
        if validation_data is None:
            return None
        if isinstance(validation_data, (tuple, list)) and not data_adapters._is_iterator_source(validation_data):
            if len(validation_data) not in (2, 3):
                raise ValueError(
                    "validation_data must be (x_val, y_val), (x_val, y_val, sample_weight) or a dataset; "
                    f"received a {type(validation_data).__name__} of {len(validation_data)} items."
                )
            vx, vy, vsw = data_adapters.unpack_x_y_sample_weight(tuple(validation_data))
            return self._data_adapter(vx, vy, vsw, batch_size=batch_size, steps=steps)
        return self._data_adapter(validation_data, steps=steps)

    def _evaluate_adapter(self, adapter, callbacks, verbose):
        self.reset_metrics()
        callbacks.on_test_begin()
        outputs, _ = self._run_epoch("test", adapter, callbacks, verbose)
        logs = _to_python(outputs)
        callbacks.on_test_end(logs)
        return logs

    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None, steps=None,
                 callbacks=None, max_queue_size=10, workers=1, use_multiprocessing=False, return_dict=False):
        self._assert_compiled("evaluating the model")
        verbose = _resolve_verbose(verbose)
        adapter = self._data_adapter(x, y, sample_weight, batch_size=batch_size, steps=steps,
                                                 workers=workers, use_multiprocessing=use_multiprocessing,
                                                 max_queue_size=max_queue_size)
        callbacks = CallbackList(callbacks, add_progbar=verbose != 0, model=self, verbose=verbose,
                                 epochs=1, steps=adapter.steps)
        logs = self._evaluate_adapter(adapter, callbacks, verbose)
        if return_dict:
            return logs
        values = [logs[name] for name in logs]
        return values[0] if len(values) == 1 else values

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None, max_queue_size=10,
                workers=1, use_multiprocessing=False):
        verbose = _resolve_verbose(verbose)
        if verbose == 0 and callbacks is None and steps is None and _one_batch_of_arrays(x, batch_size):
            outputs = self._predict_directly(x)
            if outputs is not None:
                return outputs
        adapter = self._data_adapter(x, batch_size=batch_size, steps=steps, workers=workers,
                                                 use_multiprocessing=use_multiprocessing,
                                                 max_queue_size=max_queue_size)
        callbacks = CallbackList(callbacks, add_progbar=verbose != 0, model=self, verbose=verbose,
                                 epochs=1, steps=adapter.steps)
        return self._predict_adapter(adapter, callbacks, verbose)

    def _predict_adapter(self, adapter, callbacks, verbose=0):
        callbacks.on_predict_begin()
        collected, masks = self._run_epoch("predict", adapter, callbacks, verbose)
        stacked = [tree.map_structure(backend.concatenate_steps, c) for c in collected]
        merged = tree.map_structure(lambda *parts: np.concatenate([np.asarray(p) for p in parts]), *stacked)
        keep = np.asarray(masks) > 0
        result = tree.map_structure(lambda a: a[keep], merged)
        callbacks.on_predict_end()
        return result

    # --- one batch at a time --------------------------------------------------------------------------
    def _run_one_batch(self, mode, x, y=None, sample_weight=None, class_weight=None):
        adapter = self._data_adapter(x, y, sample_weight, class_weight=class_weight, one_batch=True)
        return self._run_epoch(mode, adapter, CallbackList(model=self), verbose=0)

    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None, reset_metrics=True,
                       return_dict=False):
        self._assert_compiled("training/fitting the model")
        if reset_metrics:
            self.reset_metrics()
        logs = _to_python(self._run_one_batch("train", x, y, sample_weight, class_weight)[0])
        return _logs_to_return(logs, return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, reset_metrics=True, return_dict=False):
        self._assert_compiled("evaluating the model")
        if reset_metrics:
            self.reset_metrics()
        logs = _to_python(self._run_one_batch("test", x, y, sample_weight)[0])
        return _logs_to_return(logs, return_dict)

    def predict_on_batch(self, x):
        outputs = self._predict_directly(x)
        if outputs is not None:
            return outputs
        return self._predict_adapter(self._data_adapter(x, one_batch=True), CallbackList(model=self))

    def _predict_directly(self, x):
        """One batch through the model's cached compiled forward pass, as NumPy; None where `predict_step` is
        the user's own, the data is no plain arrays, or a distribution splits the batch."""
        if type(self).predict_step is not Trainer.predict_step or distributed.active_distribution(self):
            return None
        outputs = self._forward(x, False, compile_now=True)
        return None if outputs is None else backend.to_host(outputs)

    @property
    def _forward(self):
        """`self(x, training=...)` on arrays, compiled once per input signature (compiled_forward.py)."""
        forward = self.__dict__.get("_compiled_forward")
        if forward is None:
            forward = self._compiled_forward = CompiledForward(
                self, lambda inputs, training: Layer.__call__(self, inputs, training=training))
        return forward

    # --- Keras 2 generator spellings ----------------------------------------------------------------------
    def fit_generator(self, generator, steps_per_epoch=None, epochs=1, verbose=1, callbacks=None,
                      validation_data=None, validation_steps=None, validation_freq=1, class_weight=None,
                      max_queue_size=10, workers=1, use_multiprocessing=False, shuffle=True, initial_epoch=0):
        return self.fit(generator, steps_per_epoch=steps_per_epoch, epochs=epochs, verbose=verbose,
                        callbacks=callbacks, validation_data=validation_data, validation_steps=validation_steps,
                        validation_freq=validation_freq, class_weight=class_weight, initial_epoch=initial_epoch,
                        shuffle=shuffle, max_queue_size=max_queue_size, workers=workers,
                        use_multiprocessing=use_multiprocessing)

    def evaluate_generator(self, generator, steps=None, callbacks=None, max_queue_size=10, workers=1,
                           use_multiprocessing=False, verbose=0):
        return self.evaluate(generator, steps=steps, callbacks=callbacks, verbose=verbose,
                             max_queue_size=max_queue_size, workers=workers,
                             use_multiprocessing=use_multiprocessing)

    def predict_generator(self, generator, steps=None, callbacks=None, max_queue_size=10, workers=1,
                          use_multiprocessing=False, verbose=0):
        return self.predict(generator, steps=steps, callbacks=callbacks, verbose=verbose,
                            max_queue_size=max_queue_size, workers=workers, use_multiprocessing=use_multiprocessing)


class _StepRunner:
    """A step made pure over `state_variables`, compiled into a multi-step loop (or run eagerly).

    Only training donates the state's buffers: inference (predict, evaluate) leaves the variables' arrays
    valid, so other threads may read them meanwhile, and returns only the state it assigned (metrics, a
    stateful RNN's states). Reading the state, calling the program and storing its new state happen under
    one lock, so concurrent `fit` and `predict` calls (on one model, or on models sharing layers) never use
    a donated buffer or lose an update."""

    def __init__(self, step, state_variables, resident, keep_all_outputs, eager, donate, placement=None):
        self.state_variables = state_variables
        self.resident = resident
        self.keep_all_outputs = keep_all_outputs
        self.eager = eager
        self.step = step
        self.placement = placement
        self.log_order = None  # compiled dicts come back with sorted keys; logs keep the step's order

        def pure_step(state, batch, mask):
            batch = _without_missing(batch)
            with StatelessScope(zip(state_variables, state)) as scope, step_context.BatchMaskScope(mask):
                # A metric's result() may be its Variable itself: its value is read here, inside the scope.
                outputs = tree.map_structure(_value_of, step(batch))
                new_state = [scope.get_current_value(v) for v in state_variables]
            if isinstance(outputs, dict):
                self.log_order = list(outputs)
            return new_state, outputs

        self.compiled = None if eager else backend.compile_loop(
            pure_step, resident, keep_all_outputs=keep_all_outputs, donate_state=donate, placement=placement)

    def run(self, *args):
        if self.eager:
            with STATE_LOCK:
                return self._run_eagerly(*args)
        with STATE_LOCK:
            state = _distinct_buffers([v.raw_state() for v in self.state_variables])
            if self.placement is not None:  # placed once; already placed arrays are left as they are
                state = self.placement.place_state(state)
            new_state, outputs = self.compiled(state, *args)
            for variable, value in zip(self.state_variables, new_state):
                if value is not None:
                    variable.replace_state(value)
        backend.raise_reported()  # e.g. an Embedding id out of range, once the state is safe
        if self.log_order is not None:
            outputs = {key: outputs[key] for key in self.log_order}
        return outputs

    def _run_eagerly(self, *args):
        """Step by step in Python, so `print` and breakpoints inside `call` work."""
        if self.resident:
            data, indices, masks = args
            batches = [tree.map_structure(lambda a: None if a is None else a[np.asarray(i)], data)
                       for i in indices]
        else:
            stacked, masks = args
            batches = [tree.map_structure(lambda a: None if a is None else a[k], stacked)
                       for k in range(len(masks))]
        results = []
        for batch, mask in zip(batches, masks):
            with step_context.BatchMaskScope(ops.convert_to_tensor(mask)):
                results.append(self.step(_without_missing(batch)))
        if self.keep_all_outputs:
            return tree.map_structure(lambda *r: ops.stack(r), *results)
        return results[-1]


def _one_batch_of_arrays(x, batch_size):
    leaves = x if isinstance(x, (list, tuple)) else list(x.values()) if isinstance(x, dict) else [x]
    return all(hasattr(leaf, "shape") and leaf.ndim > 0 and not isinstance(leaf, KerasTensor) and
               leaf.shape[0] <= (batch_size or 32) for leaf in leaves)


def _without_missing(batch):
    """(x, y, None) -> (x, y): a step sees the data as the user gave it, as in Keras."""
    batch = tuple(batch)
    while len(batch) > 1 and batch[-1] is None:
        batch = batch[:-1]
    return batch


def _distinct_buffers(values):
    # Donating the same buffer twice is an error; variables that were assigned one shared array get copies.
    seen = set()
    for i, value in enumerate(values):
        if id(value) in seen:
            values[i] = ops.array(value) + 0
        seen.add(id(values[i]))
    return values


def _to_python(outputs):
    if outputs is None:
        return {}
    keys = list(outputs)
    values = backend.to_host([outputs[k] for k in keys])
    # Scalars as floats; a metric with one value per class (F1Score, ...) stays an array, as in Keras.
    return {k: float(v) if np.ndim(v) == 0 else np.asarray(v) for k, v in zip(keys, values)}


def _value_of(output):
    return output.value if isinstance(output, backend.Variable) else output


def _predict_logs(callbacks, outputs, masks):
    """Keras gives predict's batch hooks the batch's predictions as `logs["outputs"]`; they are brought to
    the host only when a callback has such a hook."""
    if not callbacks.needs_batch_hooks("predict"):
        return {}
    keep = np.concatenate([np.ravel(m) for m in masks]) > 0
    rows = tree.map_structure(backend.concatenate_steps, outputs)
    return {"outputs": tree.map_structure(lambda a: np.asarray(a)[keep], rows)}


def _check_sample_weight_mode(mode):
    """tf.keras's `sample_weight_mode="temporal"` needs no switch here: sample weights of shape
    (samples, timesteps) weight each time step, whatever the mode."""
    modes = tree.flatten(mode) if isinstance(mode, (list, tuple, dict)) else [mode]
    if any(m not in (None, "temporal") for m in modes):
        raise ValueError(f'sample_weight_mode must be None or "temporal" (per output), received {mode!r}.')


def _logs_to_return(logs, return_dict):
    if return_dict:
        return logs
    values = list(logs.values())
    return values[0] if len(values) == 1 else values


def _resolve_verbose(verbose):
    if verbose == "auto":
        return 1
    return int(verbose)


def _declared_batch_size(model):
    """A model built for one fixed batch size (e.g. with a stateful RNN) is traced with that size."""
    sizes = {tensor.shape[0] for tensor in (getattr(model, "inputs", None) or [])}
    return sizes.pop() if len(sizes) == 1 else None
