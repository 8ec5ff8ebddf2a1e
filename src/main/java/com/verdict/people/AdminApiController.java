package com.verdict.people;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminApiController {

    private final PeopleService people;

    AdminApiController(PeopleService people) {
        this.people = people;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Person create(@Valid @RequestBody NewUser user) {
        return people.create(user);
    }

    @GetMapping
    List<Person> list() {
        return people.all();
    }
}
