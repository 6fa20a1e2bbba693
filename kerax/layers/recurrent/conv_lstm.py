"""ConvLSTM: the RNN of a ConvLSTMCell over (batch, time, *spatial, channels) sequences (or channels first),
made from the layer's own arguments (listed flat in the config, as Keras does)."""
from kerax.layers.input_spec import InputSpec
from kerax.layers.recurrent.cell_rnn import CellRNN
from kerax.layers.recurrent.conv_lstm_cell import ConvLSTMCell


class ConvLSTM(CellRNN):
    cell_class = ConvLSTMCell
    positional = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
    required = ("filters", "kernel_size")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.input_spec = InputSpec(ndim=self.fixed_cell_arguments["rank"] + 3)
