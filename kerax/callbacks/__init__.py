from kerax.callbacks.callback import Callback
from kerax.callbacks.callback_list import CallbackList
from kerax.callbacks.history import History
from kerax.callbacks.progbar_logger import ProgbarLogger
