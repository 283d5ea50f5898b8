"""Colour science for checking that figures stay readable: greyscale, colour-vision deficiency, colour
difference.

Only what the course's accessibility checks need, written from the published formulas:

* sRGB (IEC 61966-2-1) to linear RGB to CIE XYZ to CIELAB, D65 white point;
* simulated dichromacy (protanopia, deuteranopia, tritanopia) with the severity-1.0 matrices of
  Machado, Oliveira & Fernandes (2009), applied in linear RGB;
* colour differences CIE76 (Euclidean distance in Lab) and CIEDE2000 (CIE 142-2001, as written out by
  Sharma, Wu & Dalal 2005).

Colours are hex strings (``"#0072B2"``) or sRGB triples in 0..1. Lab values: L* in 0..100 (lightness),
a* and b* unbounded (green-red and blue-yellow axes). Colour differences are in Delta E units, where about
1 is the smallest difference a viewer notices between two large patches side by side.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

import numpy as np

__all__ = [
    "DEFICIENCIES",
    "MACHADO_2009",
    "closest_pair",
    "delta_e_76",
    "delta_e_2000",
    "greyscale_lab",
    "hex_to_srgb",
    "lab_to_lightness_grey",
    "linear_to_srgb",
    "simulate_deficiency",
    "srgb_to_lab",
    "srgb_to_linear",
]

#: Matrices that turn linear RGB as seen with normal colour vision into linear RGB as seen with a
#: dichromacy (severity 1.0). Machado, G. M., Oliveira, M. M. & Fernandes, L. A. F. (2009), "A
#: Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE Transactions on
#: Visualization and Computer Graphics 15(6), 1291-1298, doi:10.1109/TVCG.2009.113 (the authors' table of
#: pre-computed matrices, severity 1.0). Each row sums to 1, so white and greys are unchanged.
MACHADO_2009: dict[str, np.ndarray] = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
#: The colour-vision deficiencies :func:`simulate_deficiency` knows.
DEFICIENCIES: tuple[str, ...] = tuple(MACHADO_2009)

#: Linear sRGB to CIE XYZ (D65), IEC 61966-2-1.
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
#: CIE XYZ of the D65 white point (Y = 1).
_WHITE_D65 = np.array([0.95047, 1.0, 1.08883])
_EPSILON = 216 / 24389  # CIE's exact value of (6/29)^3
_KAPPA = 24389 / 27  # CIE's exact value of (29/3)^3
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")

Colour = str | Sequence[float] | np.ndarray


def hex_to_srgb(colour: Colour) -> np.ndarray:
    """sRGB components in 0..1 of a ``"#RRGGBB"`` string (or of an sRGB triple, checked and returned).

    Raises ``ValueError`` saying what is wrong with anything else (named colours, 3-digit hex, alpha).
    """
    if isinstance(colour, str):
        match = _HEX.match(colour.strip())
        if not match:
            raise ValueError(
                f"colour {colour!r} is not a 6-digit hex colour; write it as '#RRGGBB', e.g. '#0072B2'"
            )
        digits = match.group(1)
        return np.array([int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    rgb = np.asarray(colour, dtype=float)
    if rgb.shape != (3,) or not np.all(np.isfinite(rgb)) or rgb.min() < 0 or rgb.max() > 1:
        raise ValueError(
            f"colour {colour!r} is not an sRGB triple; give three numbers between 0 and 1, or '#RRGGBB'"
        )
    return rgb


def srgb_to_linear(rgb: Colour) -> np.ndarray:
    """Undo the sRGB transfer curve: encoded components (0..1) to linear light (0..1)."""
    c = hex_to_srgb(rgb)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(linear: Sequence[float] | np.ndarray) -> np.ndarray:
    """Apply the sRGB transfer curve to linear light, clipping to the displayable 0..1 first."""
    c = np.clip(np.asarray(linear, dtype=float), 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def srgb_to_lab(rgb: Colour) -> np.ndarray:
    """CIELAB (L*, a*, b*) of an sRGB colour under D65; L* in 0..100."""
    xyz = _RGB_TO_XYZ @ srgb_to_linear(rgb) / _WHITE_D65
    f = np.where(xyz > _EPSILON, np.cbrt(xyz), (_KAPPA * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def lab_to_lightness_grey(lab: Sequence[float] | np.ndarray) -> np.ndarray:
    """The neutral grey with the same lightness: (L*, 0, 0)."""
    return np.array([float(lab[0]), 0.0, 0.0])


def greyscale_lab(rgb: Colour) -> np.ndarray:
    """Lab of a colour printed or shown in greyscale: its CIE lightness kept, its hue and chroma dropped."""
    return lab_to_lightness_grey(srgb_to_lab(rgb))


def simulate_deficiency(rgb: Colour, deficiency: str) -> np.ndarray:
    """The sRGB colour (0..1) a viewer with this dichromacy sees, by Machado et al. (2009), severity 1.0.

    ``deficiency`` is one of :data:`DEFICIENCIES`. The matrix is applied to linear RGB; the result is
    clipped to the displayable range and encoded back to sRGB.
    """
    if deficiency not in MACHADO_2009:
        raise ValueError(f"unknown colour-vision deficiency {deficiency!r}; use one of {list(DEFICIENCIES)}")
    return linear_to_srgb(MACHADO_2009[deficiency] @ srgb_to_linear(rgb))


def delta_e_76(lab1: Sequence[float] | np.ndarray, lab2: Sequence[float] | np.ndarray) -> float:
    """CIE76 colour difference: the Euclidean distance between two Lab colours (Delta E units)."""
    return float(np.linalg.norm(np.asarray(lab1, dtype=float) - np.asarray(lab2, dtype=float)))


def _hue_deg(b: float, a: float) -> float:
    return math.degrees(math.atan2(b, a)) % 360 if (a or b) else 0.0


def delta_e_2000(lab1: Sequence[float] | np.ndarray, lab2: Sequence[float] | np.ndarray) -> float:
    """CIEDE2000 colour difference between two Lab colours (Delta E00 units; kL = kC = kH = 1).

    Follows the formula as written out by Sharma, Wu & Dalal (2005), including their conventions for
    the mean hue when the hues are more than 180 degrees apart and for achromatic colours (hue 0).
    """
    l1, a1, b1 = (float(v) for v in lab1)
    l2, a2, b2 = (float(v) for v in lab2)
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = _hue_deg(b1, a1p), _hue_deg(b2, a2p)

    d_l = l2 - l1
    d_c = c2p - c1p
    chromatic = c1p * c2p != 0
    d_h_deg = h2p - h1p
    if not chromatic:
        d_h_deg = 0.0
    elif d_h_deg > 180:
        d_h_deg -= 360
    elif d_h_deg < -180:
        d_h_deg += 360
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(d_h_deg) / 2)

    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if not chromatic:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_mean = (h1p + h2p + 360) / 2
    else:
        hp_mean = (h1p + h2p - 360) / 2

    t = (
        1
        - 0.17 * math.cos(math.radians(hp_mean - 30))
        + 0.24 * math.cos(math.radians(2 * hp_mean))
        + 0.32 * math.cos(math.radians(3 * hp_mean + 6))
        - 0.20 * math.cos(math.radians(4 * hp_mean - 63))
    )
    d_theta = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25.0**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))


def closest_pair(labs: Sequence[Sequence[float] | np.ndarray]) -> tuple[float, int, int]:
    """The smallest CIEDE2000 difference among these Lab colours and the positions of that pair.

    Needs at least two colours; returns ``(delta_e_00, i, j)`` with ``i < j``.
    """
    if len(labs) < 2:
        raise ValueError(f"closest_pair needs at least two colours, got {len(labs)}")
    return min((delta_e_2000(labs[i], labs[j]), i, j) for i, j in itertools.combinations(range(len(labs)), 2))
