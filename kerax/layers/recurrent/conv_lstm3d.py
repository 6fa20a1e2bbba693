"""ConvLSTM3D: a convolutional LSTM over sequences of 3-D inputs (batch, time, depth, rows, cols, channels).
"""
from kerax.layers.recurrent.conv_lstm import ConvLSTM


class ConvLSTM3D(ConvLSTM):
    fixed_cell_arguments = {"rank": 3}
