"""ConvLSTM2D: a convolutional LSTM over sequences of 2-D inputs (batch, time, rows, cols, channels)."""
from kerax.layers.recurrent.conv_lstm import ConvLSTM


class ConvLSTM2D(ConvLSTM):
    fixed_cell_arguments = {"rank": 2}
