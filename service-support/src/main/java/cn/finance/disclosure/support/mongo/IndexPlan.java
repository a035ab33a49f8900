package cn.finance.disclosure.support.mongo;

import java.util.List;

/** A bean that declares indexes; {@link Indexes} creates those of every such bean at start-up. */
public interface IndexPlan {

    List<IndexDeclaration> indexes();
}
