"""LambdaCallback: a callback made of plain functions, e.g.
`LambdaCallback(on_epoch_end=lambda epoch, logs: print(epoch, logs['loss']))`."""
from kerax.callbacks.callback import Callback

_EPOCH_AND_TRAIN = ("on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end", "on_train_begin",
                    "on_train_end")


class LambdaCallback(Callback):
    """`on_epoch_begin/on_epoch_end(epoch, logs)`, `on_batch_begin/on_batch_end(batch, logs)` (training
    batches), `on_train_begin/on_train_end(logs)`; any other hook of Callback by name as a keyword. Only the
    batch functions given make fit run one step per device call."""

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None, on_batch_end=None,
                 on_train_begin=None, on_train_end=None, **kwargs):
        super().__init__()
        given = dict(zip(_EPOCH_AND_TRAIN, (on_epoch_begin, on_epoch_end, on_batch_begin, on_batch_end,
                                            on_train_begin, on_train_end)))
        for name, function in kwargs.items():
            if not (name.startswith("on_") and callable(getattr(Callback, name, None))):
                raise TypeError(
                    f"LambdaCallback() got an unexpected keyword argument {name!r}; hooks are named like "
                    "`on_epoch_end` or `on_train_batch_end`."
                )
            given[name] = function
        for name, function in given.items():
            if function is not None:
                setattr(self, name, function)  # an instance attribute, so fit sees the batch hooks it needs
