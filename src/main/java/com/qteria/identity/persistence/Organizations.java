package com.qteria.identity.persistence;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Organizations are the tenants themselves: looked up by their own id only. */
public interface Organizations extends ListCrudRepository<Organization, UUID> {
}
