"""LSTM: Long Short-Term Memory (Hochreiter 1997) over a sequence; see LSTMCell for the equations."""
from kerax.layers.recurrent.cell_rnn import CellRNN
from kerax.layers.recurrent.lstm_cell import LSTMCell


class LSTM(CellRNN):
    cell_class = LSTMCell
    positional = ("units", "activation", "recurrent_activation", "use_bias")
