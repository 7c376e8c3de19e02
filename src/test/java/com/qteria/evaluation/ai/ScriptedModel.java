package com.qteria.evaluation.ai;

import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** A language model for domain tests: answers from a script (or a function of the prompt) and keeps the prompts. */
final class ScriptedModel implements LanguageModel {

    final List<ModelPrompt> prompts = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private Function<ModelPrompt, String> otherwise = p -> {
        throw new AssertionError("no answer scripted for call " + p);
    };

    ScriptedModel answer(String... texts) {
        answers.addAll(List.of(texts));
        return this;
    }

    ScriptedModel otherwise(Function<ModelPrompt, String> answer) {
        otherwise = answer;
        return this;
    }

    @Override
    public String name() {
        return "scripted/test-model";
    }

    @Override
    public String model() {
        return "test-model";
    }

    @Override
    public synchronized ModelReply complete(ModelPrompt prompt) {
        prompts.add(prompt);
        String text = answers.isEmpty() ? otherwise.apply(prompt) : answers.poll();
        return new ModelReply(text, new TokenUsage(100, 20, 0, 0), false);
    }
}
