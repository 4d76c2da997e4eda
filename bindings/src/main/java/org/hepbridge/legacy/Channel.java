package org.hepbridge.legacy;

/** The final-state channel of a four-lepton candidate (hbl_channel). */
public enum Channel {
    NONE(0, "HBL_CHANNEL_NONE", "none"),
    FOUR_E(1, "HBL_CHANNEL_4E", "4e"),
    FOUR_MU(2, "HBL_CHANNEL_4MU", "4mu"),
    TWO_E_TWO_MU(3, "HBL_CHANNEL_2E2MU", "2e2mu");

    private final int code;
    private final String cName;
    private final String label;

    Channel(int code, String cName, String label) {
        this.code = code;
        this.cName = cName;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name of the constant in hbl.h, e.g. {@code HBL_CHANNEL_2E2MU}. */
    public String cName() {
        return cName;
    }

    /** A short label for tables and plots: "4e", "4mu", "2e2mu" or "none". */
    public String label() {
        return label;
    }

    /**
     * The channel with the given code.
     *
     * @throws IllegalArgumentException for a code hbl.h does not define
     */
    public static Channel of(int code) {
        for (Channel channel : values()) {
            if (channel.code == code) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown hbl channel code " + code
                + " (known: 0 none, 1 4e, 2 4mu, 3 2e2mu)");
    }
}
