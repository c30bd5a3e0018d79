package org.haolin.demo.internal;

import org.haolin.resident.IdType;
import org.haolin.resident.ResidenceStatus;

import java.time.LocalDate;

/** One generated resident, filled in step by step by the generators (family, documents, status). */
final class Person {

    final int household;
    final char sex;
    final boolean migrant;
    LocalDate birthDate;
    String name;
    IdType idType = IdType.MAINLAND_ID;
    String idNumber;
    String phone;
    ResidenceStatus status = ResidenceStatus.LIVING_HERE;
    String notes;

    Person(int household, char sex, boolean migrant, LocalDate birthDate) {
        this.household = household;
        this.sex = sex;
        this.migrant = migrant;
        this.birthDate = birthDate;
    }

    int age(LocalDate today) {
        return java.time.Period.between(birthDate, today).getYears();
    }

    boolean livingHere() {
        return status == ResidenceStatus.LIVING_HERE;
    }
}
