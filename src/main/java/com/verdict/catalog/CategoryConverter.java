package com.verdict.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a category by its JSONL key ({@code open_qa}), as the import and the exports name it. */
@Converter(autoApply = true)
class CategoryConverter implements AttributeConverter<Category, String> {

    @Override
    public String convertToDatabaseColumn(Category category) {
        return category == null ? null : category.key();
    }

    @Override
    public Category convertToEntityAttribute(String key) {
        return key == null ? null : Category.fromKey(key)
                .orElseThrow(() -> new IllegalStateException("Unknown category in the database: " + key));
    }
}
