package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation.Statistics;
import org.junit.jupiter.api.Test;

/** The finite-width spectra of two-atoms and coupled-qubits: normalised to the papers' flat level, defaults unchanged. */
class FiniteWidthSpectraTest {

    @Test
    void twoAtomsSpectraEqualTheFlatRateAtOmega() {
        TwoAtomsModel flat = TwoAtomsModel.DEFAULTS;
        assertInstanceOf(Flat.class, flat.spectralDensity(), "the paper's default stays flat");
        double level = flat.gamma() / Math.PI;
        for (TwoAtomsModel.Spectrum s : new TwoAtomsModel.Spectrum[] {TwoAtomsModel.Spectrum.LORENTZIAN,
                TwoAtomsModel.Spectrum.DRUDE_LORENTZ}) {
            for (double width : new double[] {0.5, 10, 200}) {
                TwoAtomsModel m = new TwoAtomsModel(30, 0, 2, 1.3, 10, 60, TwoAtomsModel.Case.A, s, width);
                assertEquals(1.3 / Math.PI, m.spectralDensity().value(30), 1e-14 * level, s + " at gamma_c = " + width);
            }
        }
        DrudeLorentz dl = (DrudeLorentz) new TwoAtomsModel(30, 0, 2, 1, 10, 60, TwoAtomsModel.Case.A,
                TwoAtomsModel.Spectrum.DRUDE_LORENTZ, 10).spectralDensity();
        assertEquals((900 + 100) / (2.0 * 10 * 30), dl.reorganisation(), 1e-14, "lambda = gamma (Omega^2 + gamma_c^2)/(2 gamma_c Omega)");
        assertInstanceOf(Lorentzian.class, new TwoAtomsModel(30, 0, 2, 1, 10, 60, TwoAtomsModel.Case.A,
                TwoAtomsModel.Spectrum.LORENTZIAN, 10).spectralDensity());
    }

    @Test
    void aWideLorentzianGivesThePapersSecularRates() {
        double[][] flat = TwoAtomsModel.DEFAULTS.secularRates();
        double[][] wide = new TwoAtomsModel(30, 0, 2, 1, 10, 60, TwoAtomsModel.Case.A, TwoAtomsModel.Spectrum.LORENTZIAN, 1e4)
                .secularRates();
        double[][] narrow = new TwoAtomsModel(30, 0, 2, 1, 10, 60, TwoAtomsModel.Case.A, TwoAtomsModel.Spectrum.LORENTZIAN, 10)
                .secularRates();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(flat[i][j], wide[i][j], 1e-7 * Math.max(1, flat[i][j]));
                // at Omega +- xi the Lorentzian of half-width 10 is 100/104 of its peak
                assertEquals(flat[i][j] * 100 / 104, narrow[i][j], 1e-12 * Math.max(1, flat[i][j]));
            }
        }
    }

    @Test
    void coupledQubitsSpectraEqualJiAtTheMeanFrequencyAndOhmicIsUnchanged() {
        for (CoupledQubitsModel.Spectrum s : CoupledQubitsModel.Spectrum.values()) {
            CoupledQubitsModel m = new CoupledQubitsModel(11, 9, 6, 1.5, 0.5, 2, 4, 0, 0, Statistics.BOSE, s, 7);
            assertEquals(1.5, m.paperSpectralDensity(1, 10), 1e-13, s + ": J_1 at wbar");
            assertEquals(0.5 / Math.PI, m.spectralDensity(2).value(10), 1e-13, s + ": our J_2 = J_2/pi at wbar");
        }
        CoupledQubitsModel ohmic = new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 0, Statistics.BOSE,
                CoupledQubitsModel.Spectrum.OHMIC);
        OhmicFamily o = (OhmicFamily) ohmic.spectralDensity(1);
        assertEquals(40, ohmic.omega_c(), 0, "the paper's w_c = 40 (Fig. 8) stays the default");
        assertEquals(1 * Math.exp(10 / 40.0) / 10, Math.PI * o.value(1) / Math.exp(-1 / 40.0), 1e-14,
                "alpha = J e^{wbar/w_c}/wbar as before");
    }

    @Test
    void widthsMustBePositive() {
        var e = assertThrows(InvalidModelException.class, () -> new TwoAtomsModel(30, 0, 2, 1, 10, 60,
                TwoAtomsModel.Case.A, TwoAtomsModel.Spectrum.DRUDE_LORENTZ, 0));
        assertEquals("gamma_c", e.field());
        e = assertThrows(InvalidModelException.class, () -> new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 0,
                Statistics.BOSE, CoupledQubitsModel.Spectrum.LORENTZIAN, -1));
        assertEquals("omega_c", e.field());
        e = assertThrows(InvalidModelException.class, () -> new TwoAtomsModel(30, 0, 2, 1, 10, 60, TwoAtomsModel.Case.A,
                TwoAtomsModel.Spectrum.LORENTZIAN, 10).paperCaseASteadyState());
        assertEquals("spectrum", e.field());
    }
}
