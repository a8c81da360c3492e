package io.coherent.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.junit.jupiter.api.Test;

/** What the axes say: round ticks, multiples of pi, decades, symbols and meanings. */
class TicksAndQuantitiesTest {

    @Test
    void linearTicksAreOneTwoFiveStepsWithALeadingZero() {
        NumberAxis axis = Figures.axis("x", Figures.Scale.LINEAR);
        axis.setRange(0, 1.05);
        Figures.roundTicks(axis, 9);
        NumberTickUnit unit = axis.getTickUnit();
        assertEquals(0.2, unit.getSize(), 1e-15, "1.05 / 9 = 0.117 rounds up to 0.2");
        assertEquals("0.4", unit.valueToString(0.4000000000000001));
        assertEquals("0", unit.valueToString(-1e-17), "no negative zero");
        NumberAxis fine = Figures.axis("x", Figures.Scale.LINEAR);
        fine.setRange(0, 0.04);
        Figures.roundTicks(fine, 9);
        assertEquals(0.005, fine.getTickUnit().getSize(), 1e-15);
        assertEquals("0.005", fine.getTickUnit().valueToString(0.005));
        NumberAxis offset = Figures.axis("x", Figures.Scale.LINEAR);
        offset.setRange(-0.761605, -0.76157);
        Figures.roundTicks(offset, 9);
        assertEquals("−0.761580", offset.getTickUnit().valueToString(-0.76158),
                "a fine step on a large value keeps its digits (not −0.7616 on every tick)");
    }

    @Test
    void anglesAreMultiplesOfPi() {
        assertEquals("0", Ticks.angle(0));
        assertEquals("π/8", Ticks.angle(Math.PI / 8));
        assertEquals("3π/16", Ticks.angle(3 * Math.PI / 16));
        assertEquals("π/2", Ticks.angle(Math.PI / 2));
        assertEquals("−π/4", Ticks.angle(-Math.PI / 4));
        assertEquals("π/400", Ticks.angle(Math.PI / 400));
        NumberAxis axis = Figures.axis("θ", Figures.Scale.ANGLE);
        axis.setRange(0, Math.PI / 2);
        Figures.roundTicks(axis, 9);
        assertEquals(Math.PI / 16, axis.getTickUnit().getSize(), 1e-15, "0, π/16, ..., π/2: nine ticks");
    }

    @Test
    void logAxesShowDecades() {
        NumberAxis axis = Figures.axis("γ", Figures.Scale.LOG);
        axis.setRange(-8.1, -1.9);
        Figures.roundTicks(axis, 9);
        assertEquals(1, axis.getTickUnit().getSize(), 1e-15);
        assertEquals("10⁻⁸", axis.getTickUnit().valueToString(-8));
        assertEquals("0.01", axis.getTickUnit().valueToString(-2));
        assertEquals("1000", axis.getTickUnit().valueToString(3));
    }

    @Test
    void numbersKeepFourDigitsAndWriteSmallOnesAsPowersOfTen() {
        assertEquals("0.05", Ticks.number(0.05));
        assertEquals("81.86", Ticks.number(81.8633));
        assertEquals("2×10⁻¹⁰", Ticks.number(1.998e-10, 2));
        assertEquals("10⁻⁴", Ticks.number(9.99996e-5), "rounding up to the next power of ten");
        assertEquals("−0.3086", Ticks.number(-0.30864));
    }

    @Test
    void symbolsAndMeanings() {
        assertEquals("ω₁", Quantities.symbol("omega1"));
        assertEquals("Γ", Quantities.symbol("Gamma"));
        assertEquals("Tₐ", Quantities.symbol("Ta"));
        assertEquals("Tb", Quantities.symbol("Tb"), "no subscript b in Unicode: left as written");
        assertEquals("ω_c", Quantities.symbol("omega_c"));
        assertEquals("ΔT", Quantities.symbol("DT"));
        assertEquals("|ρ₃₂|", Quantities.observableSymbol("rho_32"));
        assertEquals("Re ρ₃₂", Quantities.observableSymbol("re_rho_32"));
        assertEquals("Jx (thermal part)", Quantities.observableSymbol("Jx_thermal"));
        assertTrue(Quantities.observableLabel("energy_current.hot").contains("energy current from bath hot"));
        assertEquals(Quantities.Group.POPULATIONS, Quantities.group("rho_11"));
        assertEquals(Quantities.Group.COHERENCES, Quantities.group("rho_32"));
        assertEquals(Quantities.Group.CURRENTS, Quantities.group("particle_current.a"));
        assertEquals(Quantities.Group.POPULATIONS, Quantities.group("n2"));
        assertEquals(Quantities.Group.OTHER, Quantities.group("J_12"));
    }

    @Test
    void parametersTakeThePresetsWordsOrTheSetThatUsesThem() {
        Quantities q = Quantities.of("two-atoms", List.of("Tb=Ta+DT"));
        assertEquals("ΔT  (Tb = Tₐ + ΔT)", q.parameterLabel("DT"));
        assertEquals("Tₐ  (temperature of bath a)", q.parameterLabel("Ta"));
        assertFalse(q.isAngle("Ta"));
        Quantities pc = Quantities.of("partial-collective", List.of());
        assertTrue(pc.isAngle("theta"));
        assertEquals("θ = π/8", pc.parameterValue("theta", Math.PI / 8));
        assertTrue(pc.parameterLabel("theta").contains("cos²"), pc.parameterLabel("theta"));
    }

    @Test
    void colourScalesDivergeOnlyWhenBothSignsMatter() {
        assertTrue(ColourScale.over(-1, 2).diverging());
        assertEquals(-2, ColourScale.over(-1, 2).lower(), 0, "centred at zero");
        assertFalse(ColourScale.over(-8e-5, 1.09).diverging(), "a few tiny negative values do not take half the colours");
        assertFalse(ColourScale.over(0.1, 2).diverging());
    }
}
