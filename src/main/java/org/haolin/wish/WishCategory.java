package org.haolin.wish;

/** What a wish asks for. */
public enum WishCategory {
    TRANSPORT, MEDICINE, MEDICAL_VISIT, SUPPLIES, PASSES_AND_DOCUMENTS, BANK_AND_SERVICES, EMOTIONAL_SUPPORT, OTHER
}
