"""What `compile(loss=..., metrics=..., loss_weights=...)` becomes: one loss and a list of metrics per model
output, matched by output name (dicts) or position (lists), with Keras's log names (`output1_loss`, ...)."""
from kerax import backend, losses as losses_module, metrics as metrics_module, ops
from kerax.metrics.accuracy_resolution import resolve_accuracy
from kerax.backend import step_context
from kerax import tree


def match_outputs(values, output_names, what):
    """A list with one entry per output, from a dict keyed by output name, a list, or a single value."""
    if isinstance(values, dict):
        unknown = [k for k in values if k not in output_names]
        if unknown:
            raise ValueError(
                f"{what} has keys {unknown} that match no model output. The outputs are named {output_names}."
            )
        return [values.get(name) for name in output_names]
    if isinstance(values, (list, tuple)) and len(output_names) > 1:
        if len(values) != len(output_names):
            raise ValueError(
                f"{what} has {len(values)} entries but the model has {len(output_names)} outputs "
                f"({output_names})."
            )
        return list(values)
    if isinstance(values, (list, tuple)) and len(output_names) == 1 and len(values) == 1 and what != "metrics":
        return list(values)
    return [values] * len(output_names)


def _weights_for(y_pred, sample_weight):
    """Per-sample weights combining the user's sample weights and the padding mask (or None)."""
    mask = step_context.batch_mask()
    weights = sample_weight
    if mask is not None:
        weights = mask if weights is None else ops.multiply(ops.cast(weights, mask.dtype), mask)
    return weights


def _broadcast_weights(weights, values):
    weights = ops.cast(weights, values.dtype)
    while weights.ndim < values.ndim:
        weights = ops.expand_dims(weights, -1)
    while weights.ndim > values.ndim:
        weights = ops.squeeze(weights, -1)
    return weights


def real_batch_size(y_pred):
    return step_context.real_batch_size(tree.flatten(y_pred)[0], backend.floatx())


class CompileLoss:
    def __init__(self, loss, loss_weights=None):
        self._loss_spec = loss
        self._weights_spec = loss_weights
        self.built = False
        for spec in _leaves(loss):
            _to_loss_object(spec)  # an unknown name fails at compile(), not at the first step

    def build(self, output_names):
        specs = match_outputs(self._loss_spec, output_names, "loss")
        weights = match_outputs(self._weights_spec, output_names, "loss_weights") if self._weights_spec is not None \
            else [1.0] * len(output_names)
        self.output_names = output_names
        self.losses = [_to_loss_object(spec) for spec in specs]
        self.weights = [1.0 if w is None else float(w) for w in weights]
        used = [name for name, loss in zip(output_names, self.losses) if loss is not None]
        if not used:
            raise ValueError("compile(loss=...) gave no loss for any model output.")
        self.trackers = [metrics_module.Mean(name=f"{name}_loss") if loss is not None else None
                         for name, loss in zip(output_names, self.losses)] if len(used) > 1 else []
        self.built = True

    @property
    def variables(self):
        return [v for t in self.trackers if t is not None for v in t.variables]

    def __call__(self, y_true, y_pred, sample_weight=None):
        y_true = match_outputs(y_true, self.output_names, "y") if isinstance(y_true, (dict, list, tuple)) \
            else [y_true]
        y_pred = tree.flatten(y_pred)
        total = 0.0
        for i, (loss, weight, target, prediction) in enumerate(zip(self.losses, self.weights, y_true, y_pred)):
            if loss is None:
                continue
            if target is None:
                raise ValueError(f'No target `y` was given for model output "{self.output_names[i]}".')
            value = self._reduce(loss, target, prediction, sample_weight)
            if self.trackers:
                self.trackers[i].update_state(value, sample_weight=real_batch_size(prediction))
            total = total + weight * value
        return total

    def _reduce(self, loss, y_true, y_pred, sample_weight):
        y_true = ops.convert_to_tensor(y_true)
        values = ops.cast(loss.call(y_true, y_pred), backend.floatx())
        # Padding rows and (for ignore_class) ignored entries leave the mean's divisor, as masks do in Keras.
        mask = step_context.batch_mask()
        loss_mask = loss.sample_mask(y_true, y_pred, values) if hasattr(loss, "sample_mask") else None
        if loss_mask is not None:
            loss_mask = ops.cast(loss_mask, values.dtype)
            mask = loss_mask if mask is None else loss_mask * _broadcast_weights(mask, loss_mask)
        return losses_module.reduce_weighted_values(
            values, sample_weight, mask, getattr(loss, "reduction", "sum_over_batch_size"))


def _leaves(spec):
    return [] if spec is None else [leaf for leaf in tree.flatten(spec) if leaf is not None]


def _to_loss_object(spec):
    if spec is None:
        return None
    loss = losses_module.get(spec)
    if isinstance(loss, type):
        loss = loss()
    if not hasattr(loss, "call"):
        loss = losses_module.LossFunctionWrapper(loss, name=getattr(loss, "__name__", "loss"))
    return loss


class CompileMetrics:
    def __init__(self, metrics=None, weighted_metrics=None):
        self._metrics_spec = metrics
        self._weighted_spec = weighted_metrics
        self.metrics = []  # (output index, metric, weighted)
        self.built = False
        for entry in _leaves(metrics) + _leaves(weighted_metrics):
            if not (isinstance(entry, str) and entry in ("accuracy", "acc")):
                metrics_module.get(entry)  # an unknown name fails at compile(), not at the first step

    def build(self, output_names, y_true_shapes, y_pred_shapes, compile_loss):
        self.metrics = []
        for spec, weighted in ((self._metrics_spec, False), (self._weighted_spec, True)):
            if not spec:
                continue
            per_output = match_outputs(spec, output_names, "metrics")
            for i, entries in enumerate(per_output):
                if entries is None:
                    continue
                entries = entries if isinstance(entries, (list, tuple)) else [entries]
                loss = compile_loss.losses[i] if compile_loss is not None else None
                for entry in entries:
                    metric = _to_metric_object(entry, loss, y_true_shapes[i], y_pred_shapes[i])
                    if hasattr(metric, "build_from_shapes"):  # state sized by the data exists before tracing
                        metric.build_from_shapes(y_true_shapes[i], tuple(y_pred_shapes[i]))
                    if len(output_names) > 1:
                        metric.name = f"{output_names[i]}_{metric.name}"
                    self.metrics.append((i, metric, weighted))
        self.built = True

    @property
    def variables(self):
        return [v for _, m, _ in self.metrics for v in m.variables]

    def update_state(self, y_true, y_pred, sample_weight, output_names):
        if not self.metrics:
            return
        y_true = match_outputs(y_true, output_names, "y") if isinstance(y_true, (dict, list, tuple)) else [y_true]
        y_pred = tree.flatten(y_pred)
        for i, metric, weighted in self.metrics:
            # As in Keras, `metrics` ignore sample weights and `weighted_metrics` use them; both skip padding.
            weights = _weights_for(y_pred[i], sample_weight if weighted else None)
            metric.update_state(ops.convert_to_tensor(y_true[i]), y_pred[i], sample_weight=weights)

    def results(self):
        return {metric.name: metric.result() for _, metric, _ in self.metrics}

    def reset_state(self):
        for _, metric, _ in self.metrics:
            metric.reset_state()


def _to_metric_object(entry, loss, y_true_shape, y_pred_shape):
    if isinstance(entry, str) and entry in ("accuracy", "acc"):
        fn = resolve_accuracy(loss, y_true_shape, y_pred_shape)
        return metrics_module.MeanMetricWrapper(fn, name=entry)
    metric = metrics_module.get(entry)
    if isinstance(metric, type):
        metric = metric()
    if not hasattr(metric, "update_state"):
        name = entry if isinstance(entry, str) else getattr(metric, "__name__", "metric")
        metric = metrics_module.MeanMetricWrapper(metric, name=name)
    return metric
