"""GRU: Gated Recurrent Unit (Cho et al. 2014) over a sequence; see GRUCell for the equations."""
from kerax.layers.recurrent.cell_rnn import CellRNN
from kerax.layers.recurrent.gru_cell import GRUCell


class GRU(CellRNN):
    cell_class = GRUCell
    positional = ("units", "activation", "recurrent_activation", "use_bias")
