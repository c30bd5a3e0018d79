package org.haolin.rota;

import java.util.List;

/** A rota was published: the accounts of the people on it are told where and when they stand. */
public record RotaPublished(long townId, long rotaId, long areaId, String areaPath, String rotaName,
                            List<Long> personIds, List<Long> accountIds) {

    public RotaPublished {
        personIds = List.copyOf(personIds);
        accountIds = List.copyOf(accountIds);
    }
}
