"""SwapEMAWeights: evaluate (and, with `swap_on_epoch`, checkpoint) with the optimizer's moving average of
the weights (`use_ema=True`), then swap the trained weights back."""
from kerax.callbacks.callback import Callback


def _ema_optimizers(model):
    """The optimizers holding averages: the model's, inside a LossScaleOptimizer, or a MultiOptimizer's."""
    optimizer = getattr(model.optimizer, "inner_optimizer", model.optimizer)
    candidates = getattr(optimizer, "optimizers", [optimizer])
    found = [o for o in candidates if getattr(o, "use_ema", False)]
    if not found:
        raise ValueError("SwapEMAWeights must be used when `use_ema=True` is set on the optimizer (or on at "
                         f"least one sub-optimizer of a MultiOptimizer). Received: {optimizer!r} without it.")
    return found


def _pairs(model):
    return [pair for o in _ema_optimizers(model) for pair in zip(o._trainable_variables, o.ema_variables)]


class SwapEMAWeights(Callback):
    """Before evaluation or prediction the model's weights and their averages trade places; afterwards they
    trade back. With `swap_on_epoch=True` they also trade at each epoch's end (so callbacks after this one,
    such as ModelCheckpoint, see the averages) and back at the next epoch's start."""

    def __init__(self, swap_on_epoch=False):
        super().__init__()
        self.swap_on_epoch = swap_on_epoch
        self._ema_weights_in_model = False

    def _swap_variables(self):
        for variable, average in _pairs(self.model):
            trained = variable.numpy()
            variable.assign(average.value)
            average.assign(trained)

    def _finalize_ema_values(self):
        # The model holds the averages: make the optimizer's copy equal, so `finalize_variable_values` at the
        # end of fit leaves the averages in the model.
        for variable, average in _pairs(self.model):
            average.assign(variable.value)

    def _swap_in(self):
        if not self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = True

    def _swap_out(self):
        if self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = False

    def on_epoch_begin(self, epoch, logs=None):
        if self.swap_on_epoch:
            self._swap_out()

    def on_epoch_end(self, epoch, logs=None):
        if self.swap_on_epoch and not self._ema_weights_in_model:
            self._swap_in()
            if epoch == self.params.get("epochs", 0) - 1:
                self._finalize_ema_values()

    def on_test_begin(self, logs=None):
        self._swap_in()

    def on_test_end(self, logs=None):
        self._swap_out()

    def on_predict_begin(self, logs=None):
        self._swap_in()

    def on_predict_end(self, logs=None):
        self._swap_out()
