"""TerminateOnNaN: stops training as soon as the loss becomes NaN or infinite."""
import math

from kerax.callbacks.callback import Callback


class TerminateOnNaN(Callback):
    """Checks the loss after every device call instead of forcing one step per call: batch logs hold the
    epoch-to-date mean loss, which stays NaN/inf once any step of the call produced one. When fit groups
    steps, the reported batch is the last of the group and the rest of that group has already run."""

    handles_grouped_batches = True

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True
