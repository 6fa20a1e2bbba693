"""ConvLSTM1D: a convolutional LSTM over sequences of 1-D inputs (batch, time, steps, channels)."""
from kerax.layers.recurrent.conv_lstm import ConvLSTM


class ConvLSTM1D(ConvLSTM):
    fixed_cell_arguments = {"rank": 1}
