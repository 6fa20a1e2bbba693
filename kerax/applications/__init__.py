"""kerax.applications: Keras's 40 ImageNet architectures and tf.keras 2's 31 RegNet and ResNetRS ones
(`weights="imagenet"` downloads Keras's published weight files once into `~/.keras/models`), and per family
`preprocess_input` / `decode_predictions` in the submodules Keras has (`kerax.applications.resnet50`,
`.mobilenet_v2`, `.efficientnet`, `.regnet`, `.resnet_rs`, ...)."""
from kerax.applications import (
    convnext, densenet, efficientnet, efficientnet_v2, imagenet_utils, inception_resnet_v2, inception_v3,
    mobilenet, mobilenet_v2, mobilenet_v3, nasnet, regnet, resnet, resnet50, resnet_rs, resnet_v2, vgg16,
    vgg19, xception,
)
from kerax.applications.convnext import (
    ConvNeXtBase, ConvNeXtLarge, ConvNeXtSmall, ConvNeXtTiny, ConvNeXtXLarge,
)
from kerax.applications.densenet import DenseNet121, DenseNet169, DenseNet201
from kerax.applications.efficientnet import (
    EfficientNetB0, EfficientNetB1, EfficientNetB2, EfficientNetB3, EfficientNetB4, EfficientNetB5,
    EfficientNetB6, EfficientNetB7,
)
from kerax.applications.efficientnet_v2 import (
    EfficientNetV2B0, EfficientNetV2B1, EfficientNetV2B2, EfficientNetV2B3, EfficientNetV2L, EfficientNetV2M,
    EfficientNetV2S,
)
from kerax.applications.inception_resnet_v2 import InceptionResNetV2
from kerax.applications.inception_v3 import InceptionV3
from kerax.applications.mobilenet import MobileNet
from kerax.applications.mobilenet_v2 import MobileNetV2
from kerax.applications.mobilenet_v3 import MobileNetV3Large, MobileNetV3Small
from kerax.applications.nasnet import NASNetLarge, NASNetMobile
from kerax.applications.regnet import (
    RegNetX002, RegNetX004, RegNetX006, RegNetX008, RegNetX016, RegNetX032, RegNetX040, RegNetX064,
    RegNetX080, RegNetX120, RegNetX160, RegNetX320, RegNetY002, RegNetY004, RegNetY006, RegNetY008,
    RegNetY016, RegNetY032, RegNetY040, RegNetY064, RegNetY080, RegNetY120, RegNetY160, RegNetY320,
)
from kerax.applications.resnet import ResNet50, ResNet101, ResNet152
from kerax.applications.resnet_rs import (
    ResNetRS50, ResNetRS101, ResNetRS152, ResNetRS200, ResNetRS270, ResNetRS350, ResNetRS420,
)
from kerax.applications.resnet_v2 import ResNet50V2, ResNet101V2, ResNet152V2
from kerax.applications.vgg16 import VGG16
from kerax.applications.vgg19 import VGG19
from kerax.applications.xception import Xception
