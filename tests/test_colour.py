"""Unit tests of helpers.colour against published reference values."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import colour

# Pairs from Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
# supplementary test data, and mathematical observations", Color Research & Application 30(1), Table 1:
# (Lab 1, Lab 2, Delta E00). Chosen to exercise the blue-region rotation term, the hue wrap-around at
# 180 degrees (both mean-hue branches), an achromatic colour and large differences.
SHARMA_2005 = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA_2005)
def test_delta_e_2000_matches_sharma_2005_table(lab1, lab2, expected):
    assert colour.delta_e_2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(("lab1", "lab2", "_"), SHARMA_2005)
def test_delta_e_2000_is_symmetric(lab1, lab2, _):
    assert colour.delta_e_2000(lab1, lab2) == pytest.approx(colour.delta_e_2000(lab2, lab1), abs=1e-12)


def test_delta_e_76_is_euclidean_distance_in_lab():
    assert colour.delta_e_76((50, 0, 0), (53, 4, 0)) == pytest.approx(5.0)
    assert colour.delta_e_76((10, 20, 30), (10, 20, 30)) == 0.0


@pytest.mark.parametrize(
    ("hex_colour", "lab"),
    [
        ("#FFFFFF", (100.0, 0.0, 0.0)),
        ("#000000", (0.0, 0.0, 0.0)),
        ("#808080", (53.585, 0.0, 0.0)),
        # sRGB primaries under D65 (widely tabulated, e.g. by Bruce Lindbloom's calculator)
        ("#FF0000", (53.2408, 80.0925, 67.2032)),
        ("#00FF00", (87.7347, -86.1827, 83.1793)),
        ("#0000FF", (32.2970, 79.1875, -107.8602)),
    ],
)
def test_srgb_to_lab_gives_reference_values(hex_colour, lab):
    assert colour.srgb_to_lab(hex_colour) == pytest.approx(np.array(lab), abs=2e-3)


def test_srgb_linear_round_trip_and_both_branches_of_the_transfer_curve():
    encoded = np.array([0.02, 0.5, 1.0])  # 0.02 is on the linear segment, the others on the power curve
    linear = colour.srgb_to_linear(encoded)
    assert linear[0] == pytest.approx(0.02 / 12.92)
    assert linear[1] == pytest.approx(0.2140, abs=1e-4)
    assert colour.linear_to_srgb(linear) == pytest.approx(encoded)


def test_hex_and_triple_inputs_agree():
    assert colour.hex_to_srgb("#0072B2") == pytest.approx([0, 114 / 255, 178 / 255])
    assert colour.hex_to_srgb("0072b2") == pytest.approx(colour.hex_to_srgb("#0072B2"))
    assert colour.srgb_to_lab((1.0, 1.0, 1.0)) == pytest.approx([100, 0, 0], abs=1e-3)


@pytest.mark.parametrize(
    "bad", ["#FFF", "red", "#0072B2FF", "", (0.1, 0.2), (0.0, 0.5, 1.5), (0, float("nan"), 0)]
)
def test_bad_colour_is_rejected_with_a_message_that_says_how_to_write_it(bad):
    with pytest.raises(ValueError, match="#RRGGBB"):
        colour.hex_to_srgb(bad)


@pytest.mark.parametrize("deficiency", colour.DEFICIENCIES)
def test_machado_matrices_keep_white_and_greys_unchanged(deficiency):
    # each row sums to 1, so any neutral grey maps onto itself
    assert colour.MACHADO_2009[deficiency].sum(axis=1) == pytest.approx([1, 1, 1], abs=1e-5)
    for grey in ("#FFFFFF", "#777777", "#000000"):
        assert colour.simulate_deficiency(grey, deficiency) == pytest.approx(
            colour.hex_to_srgb(grey), abs=1e-4
        )


def test_red_and_green_collapse_under_red_green_dichromacy_but_not_for_normal_vision():
    red, green = "#D62728", "#2CA02C"  # Matplotlib's classic tab:red and tab:green
    normal = colour.delta_e_2000(colour.srgb_to_lab(red), colour.srgb_to_lab(green))
    assert normal > 50
    seen = {
        deficiency: [colour.srgb_to_lab(colour.simulate_deficiency(c, deficiency)) for c in (red, green)]
        for deficiency in ("protanopia", "deuteranopia")
    }
    assert colour.delta_e_2000(*seen["deuteranopia"]) < 10
    assert colour.delta_e_2000(*seen["protanopia"]) < normal / 2  # protanopes still see red as darker


def test_blue_and_green_collapse_under_tritanopia():
    blue, green = "#1F77B4", "#2CA02C"
    seen = [colour.srgb_to_lab(colour.simulate_deficiency(c, "tritanopia")) for c in (blue, green)]
    normal = colour.delta_e_2000(colour.srgb_to_lab(blue), colour.srgb_to_lab(green))
    assert colour.delta_e_2000(*seen) < normal / 2


def test_unknown_deficiency_is_rejected_with_the_known_names():
    with pytest.raises(ValueError, match="deuteranopia"):
        colour.simulate_deficiency("#0072B2", "colourblind")


def test_greyscale_keeps_lightness_only():
    grey = colour.greyscale_lab("#E69F00")
    assert grey[1:] == pytest.approx([0, 0])
    assert grey[0] == pytest.approx(colour.srgb_to_lab("#E69F00")[0])


def test_closest_pair_finds_the_two_nearest_colours():
    labs = [colour.srgb_to_lab(c) for c in ("#000000", "#FFFFFF", "#F8F8F8")]
    delta, i, j = colour.closest_pair(labs)
    assert (i, j) == (1, 2)
    assert delta == pytest.approx(colour.delta_e_2000(labs[1], labs[2]))
    with pytest.raises(ValueError, match="at least two"):
        colour.closest_pair(labs[:1])
