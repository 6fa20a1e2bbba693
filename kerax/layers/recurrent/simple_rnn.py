"""SimpleRNN: a fully connected RNN whose output is fed back as the next step's state."""
from kerax.layers.recurrent.cell_rnn import CellRNN
from kerax.layers.recurrent.simple_rnn_cell import SimpleRNNCell


class SimpleRNN(CellRNN):
    cell_class = SimpleRNNCell
    positional = ("units", "activation", "use_bias")
